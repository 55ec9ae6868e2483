# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 16: 12.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf


def watch_all(tape, *tensors):
    for t in tensors:
        tape.watch(t)


x = tf.constant(2.0)
with tf.GradientTape() as tape:
    watch_all(tape, x)
    y = x ** 3
g = tape.gradient(y, x)
