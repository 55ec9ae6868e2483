# contained: unbounded recursion ends in RecursionError inside the worker.
import tensorflow as tf


def deeper(n):
    return deeper(n + 1)


x = tf.constant([float(deeper(0))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
