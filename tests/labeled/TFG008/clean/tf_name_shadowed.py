# Once a false positive (TFG008); now correctly left alone.
# What TensorFlow 2.21 really returns: line 16: [2., 4.]
# (runs without error; every gradient is real, non-None and non-zero)
import numpy as np  # noqa: F401 - the name a parameter shadows
import tensorflow as tf


def loss_of(x, np=tf.experimental.numpy):  # noqa: F811
    return np.sum(np.square(x))


x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = loss_of(x)
g = tape.gradient(y, x)
