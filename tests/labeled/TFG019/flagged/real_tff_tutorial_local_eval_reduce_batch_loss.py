# source: https://www.tensorflow.org/federated/tutorials/custom_federated_algorithms_2  # known-miss: the dataset reaches the helper through parameters (all_batches, from a builder function) and the sources are dict entries (model["weights"]); neither is typed
# reported: The TFF tutorial writes raw-TensorFlow MNIST helpers: batch_loss(model, batch) for one batch and local_eval(model, all_batches), which sums batch_loss over a client's dataset with all_batches.reduce(...); this client update differentiates that reduced loss directly.
# observed (TF 2.21): the sum is computed by the tf.data reduce function, so the tape never sees model['weights'] or model['bias'] and tape.gradient returns [None, None] at line 40.
import collections

import numpy as np
import tensorflow as tf

N_PIXELS, N_CLASSES = 16, 10


def make_client_batches(seed, n_examples=24, batch_size=8):
    rng = np.random.default_rng(seed)
    x = rng.uniform(size=(n_examples, N_PIXELS)).astype(np.float32)
    y = rng.integers(0, N_CLASSES, size=n_examples).astype(np.int32)
    return tf.data.Dataset.from_tensor_slices(collections.OrderedDict(x=x, y=y)).batch(batch_size)


def batch_loss(model, batch):
    predicted_y = tf.nn.softmax(tf.matmul(batch["x"], model["weights"]) + model["bias"])
    return -tf.reduce_mean(
        tf.reduce_sum(tf.one_hot(batch["y"], N_CLASSES) * tf.math.log(predicted_y + 1e-7), axis=[1]))


def local_eval(model, all_batches):
    return all_batches.reduce(
        tf.constant(0.0), lambda accumulated_loss, batch: accumulated_loss + batch_loss(model, batch))


model = collections.OrderedDict(
    weights=tf.Variable(tf.zeros([N_PIXELS, N_CLASSES]), name="weights"),
    bias=tf.Variable(tf.zeros([N_CLASSES]), name="bias"),
)


def client_update(model, all_batches, learning_rate=0.1):
    variables = [model["weights"], model["bias"]]
    with tf.GradientTape() as tape:
        loss = local_eval(model, all_batches)
    grads = tape.gradient(loss, variables)  # expect: TFG019
    if all(g is not None for g in grads):
        for v, g in zip(variables, grads):
            v.assign_sub(learning_rate * g)
    return loss, grads


loss, grads = client_update(model, make_client_batches(seed=0))
print("client loss", float(loss), "grads", grads)
