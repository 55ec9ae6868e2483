# False positive: tflint-grad reports TFG002 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

compiled = tf.function


@compiled
def grad(x):
    y = x * x
    return tf.gradients(y, x)[0]


g = grad(tf.constant(3.0))
