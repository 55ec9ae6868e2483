# False positive: tflint-grad reports TFG002 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import functools

import tensorflow as tf


@functools.partial(tf.function, reduce_retracing=True)
def grad(x):
    y = x * x
    return tf.gradients(y, x)[0]


g = grad(tf.constant(3.0))
