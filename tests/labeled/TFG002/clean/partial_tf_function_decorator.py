# Once a false positive (TFG002); now correctly left alone.
# What TensorFlow 2.21 really returns: tf.gradients runs in the traced graph; grad(3.0) returns 6.0
# (runs without error; every gradient is real, non-None and non-zero)
import functools

import tensorflow as tf


@functools.partial(tf.function, reduce_retracing=True)
def grad(x):
    y = x * x
    return tf.gradients(y, x)[0]


g = grad(tf.constant(3.0))
