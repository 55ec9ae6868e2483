# Once a false positive (TFG008); now correctly left alone.
# What TensorFlow 2.21 really returns: line 20: 0.6065
# (runs without error; every gradient is real, non-None and non-zero)
from math import exp

import tensorflow as tf

decay = exp(-1.0)  # math.exp on a Python number


def energy(x):
    exp = tf.math.exp  # a local name, not math.exp
    return exp(x) * decay


x = tf.constant(0.5)
with tf.GradientTape() as tape:
    tape.watch(x)
    e = energy(x)
g = tape.gradient(e, x)
