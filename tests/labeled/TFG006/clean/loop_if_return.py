# Once a false positive (TFG006); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: 4.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf


def first_gradient(w):
    with tf.GradientTape() as tape:
        loss = w ** 2
    for attempt in range(3):
        g = tape.gradient(loss, w)
        if g is None:
            return tf.zeros_like(w)
        else:
            return g


g = first_gradient(tf.Variable(2.0))
