# Correctly left alone: `grads_of = tf.compat.v1.gradients` used inside a tf.function.
# TensorFlow 2.21 returns the traced gradient 3x^2. (every gradient is real and non-zero)
import tensorflow as tf

grads_of = tf.compat.v1.gradients


@tf.function
def slope(x):
    return grads_of(x ** 3, x)[0]


s = slope(tf.constant(2.0))
