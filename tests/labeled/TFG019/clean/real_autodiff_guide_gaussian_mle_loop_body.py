# source: https://www.tensorflow.org/guide/autodiff
# reported: The TensorFlow autodiff guide warns that tf.data.Dataset iterators stop gradients on tensors that pass through them, while trainable variables read inside the tape are watched; this maximum-likelihood fit only draws the samples from the dataset and uses mu and log_sigma in the loop body.
# observed (TF 2.21): the eager for-loop runs under the tape, each batch is a constant but the NLL terms read mu and log_sigma there, so tape.gradient returns values and the fit moves towards mu = 3.
import math

import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
samples = rng.normal(loc=3.0, scale=0.5, size=64).astype(np.float32)
dataset = tf.data.Dataset.from_tensor_slices(samples).batch(16)

mu = tf.Variable(0.0, name="mu")
log_sigma = tf.Variable(0.0, name="log_sigma")
optimizer = tf.keras.optimizers.SGD(learning_rate=0.2)
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def batch_nll(x):
    sigma = tf.exp(log_sigma)
    z = (x - mu) / sigma
    return tf.reduce_sum(0.5 * z * z + log_sigma + HALF_LOG_2PI)


for step in range(40):
    with tf.GradientTape() as tape:
        nll = tf.constant(0.0)
        for batch in dataset:
            nll += batch_nll(batch)
        mean_nll = nll / len(samples)
    grads = tape.gradient(mean_nll, [mu, log_sigma])
    optimizer.apply_gradients(zip(grads, [mu, log_sigma]))
    if step % 10 == 9:
        print("step", step, "mean nll", float(mean_nll), "mu", float(mu.numpy()),
              "sigma", float(tf.exp(log_sigma).numpy()))
