# False positive: tflint-grad reports TFG003 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf


def watch_all(tape, *tensors):
    for t in tensors:
        tape.watch(t)


x = tf.constant(2.0)
with tf.GradientTape() as tape:
    watch_all(tape, x)
    y = x ** 3
g = tape.gradient(y, x)
