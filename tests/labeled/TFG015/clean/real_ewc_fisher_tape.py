# source: https://github.com/stijani/elastic-weight-consolidation-tf2
# reported: Repository re-implementing Elastic Weight Consolidation (previously done with K.gradients/sessions in TF1/Keras) in TF2: the Fisher diagonal from squared GradientTape gradients of log_softmax w.r.t. the prior model's weights, then an EWC penalty in a custom loop.
# observed (TF 2.21): runs clean (tape.gradient at line 28 and line 54 return tensors; apply_gradients at line 55)
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Flatten, Dense, Input


class EWC:

    def __init__(self, prior_model, data_samples, lambda_, num_sample=10):
        self.prior_model = prior_model
        # snapshot the task-A weights (not the live variables)
        self.prior_weights = [w.numpy().copy() for w in prior_model.trainable_weights]
        self.lambda_ = lambda_
        self.num_sample = num_sample
        self.data_samples = data_samples
        self.fisher_matrix = self.compute_fisher()

    def compute_fisher(self):
        weights = self.prior_model.trainable_weights
        fisher_accum = [np.zeros(w.shape) for w in weights]
        for j in range(self.num_sample):
            idx = np.random.randint(self.data_samples.shape[0])
            with tf.GradientTape() as tape:
                logits = tf.nn.log_softmax(self.prior_model(np.array([self.data_samples[idx]])))
            grads = tape.gradient(logits, weights)
            for m in range(len(weights)):
                fisher_accum[m] += np.square(grads[m])
        return [f / self.num_sample for f in fisher_accum]


def compute_penalty_loss(model, prior_weights, fisher_matrix, lambda_):
    penalty = 0.
    for u, v, w in zip(fisher_matrix, model.trainable_weights, prior_weights):
        penalty += tf.math.reduce_sum(u * tf.math.square(v - w))
    return 0.5 * lambda_ * penalty


model = Sequential([Input(shape=(28, 28)), Flatten(), Dense(32, activation="relu"), Dense(10)])
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.SGD(0.01)
task_a_x = np.random.rand(64, 28, 28).astype("float32")
task_b_x = np.random.rand(64, 28, 28).astype("float32")
task_b_y = np.random.randint(0, 10, 64)
model(task_a_x[:1])

ewc = EWC(model, task_a_x, lambda_=10.0)
for X, y in tf.data.Dataset.from_tensor_slices((task_b_x, task_b_y)).batch(16):
    with tf.GradientTape() as tape:
        pred = model(X)
        total_loss = loss_fn(y, pred) + compute_penalty_loss(model, ewc.prior_weights, ewc.fisher_matrix, ewc.lambda_)
    grads = tape.gradient(total_loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
print("RESULT ewc loss", float(total_loss), [f.shape for f in ewc.fisher_matrix])
