# source: https://www.tensorflow.org/federated/tutorials/custom_federated_algorithms_2
# reported: The TFF tutorial trains a client with local_train(initial_model, learning_rate, all_batches), which threads the model through all_batches.reduce(initial_model, batch_fn) where each batch_fn step computes batch_loss and its gradient and returns the updated model; local_eval sums batch_loss with another reduce.
# observed (TF 2.21): the gradient is taken inside the reduce function, where both the loss and the model tensors live, so it is a value; the client loss measured by local_eval drops after local_train.
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


def batch_train(model, batch, learning_rate):
    with tf.GradientTape() as tape:
        tape.watch(model)
        loss = batch_loss(model, batch)
    grads = tape.gradient(loss, model)
    return collections.OrderedDict(
        (name, model[name] - learning_rate * grads[name]) for name in model)


def local_train(initial_model, learning_rate, all_batches):
    return all_batches.reduce(
        initial_model, lambda model, batch: batch_train(model, batch, learning_rate))


def local_eval(model, all_batches):
    return all_batches.reduce(
        tf.constant(0.0), lambda accumulated_loss, batch: accumulated_loss + batch_loss(model, batch))


initial_model = collections.OrderedDict(
    weights=tf.zeros([N_PIXELS, N_CLASSES]),
    bias=tf.zeros([N_CLASSES]),
)
batches = make_client_batches(seed=0)
trained = initial_model
for epoch in range(5):
    trained = local_train(trained, 0.5, batches)
print("client loss before", float(local_eval(initial_model, batches)),
      "after", float(local_eval(trained, batches)))
