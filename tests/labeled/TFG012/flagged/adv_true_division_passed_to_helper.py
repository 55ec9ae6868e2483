# The caller halves an integer with / and passes the float to a helper that makes a shape.
import tensorflow as tf


def pts(n):
    return tf.zeros([n, 1])  # expect: TFG012


total = 100
print(pts(total / 2))
