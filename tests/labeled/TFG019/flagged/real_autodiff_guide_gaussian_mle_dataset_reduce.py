# source: https://www.tensorflow.org/guide/autodiff
# reported: The TensorFlow autodiff guide ("State stops gradients") warns that tf.data.Dataset iterators are stateful and stop all gradients on tensors that pass through them; this maximum-likelihood fit sums its negative log-likelihood over the samples with Dataset.reduce.
# observed (TF 2.21): the reduce function runs inside tf.data, so the NLL is not connected to mu or log_sigma on the tape and tape.gradient returns [None, None] at line 29.
import math

import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
samples = rng.normal(loc=3.0, scale=0.5, size=64).astype(np.float32)
dataset = tf.data.Dataset.from_tensor_slices(samples)

mu = tf.Variable(0.0, name="mu")
log_sigma = tf.Variable(0.0, name="log_sigma")
optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def accumulate_nll(total, x):
    """One sample's Gaussian negative log-likelihood added to the running total."""
    sigma = tf.exp(log_sigma)
    z = (x - mu) / sigma
    return total + 0.5 * z * z + log_sigma + HALF_LOG_2PI


for step in range(3):
    with tf.GradientTape() as tape:
        nll = dataset.reduce(tf.constant(0.0), accumulate_nll)
    grads = tape.gradient(nll, [mu, log_sigma])  # expect: TFG019
    print("step", step, "nll", float(nll), "grads", grads)
    if any(g is None for g in grads):
        print("no gradient reached mu / log_sigma; stopping")
        break
    optimizer.apply_gradients(zip(grads, [mu, log_sigma]))
