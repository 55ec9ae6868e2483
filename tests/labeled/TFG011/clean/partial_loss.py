# Once a false positive (TFG011); now correctly left alone.
# What TensorFlow 2.21 really returns: line 18: 7.5
# (runs without error; every gradient is real, non-None and non-zero)
import functools

import tensorflow as tf

w = tf.Variable(1.5)


def model_loss(scale, x):
    return scale * (w * x - 2.0) ** 2


loss_fn = functools.partial(model_loss, 0.5)
with tf.GradientTape() as tape:
    loss = loss_fn(3.0)
g = tape.gradient(loss, w)
