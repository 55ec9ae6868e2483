# The helper accepts a fractional width for the first dimension and converts it in place
# before building the weight; `w([n / 2, 4])` is therefore a valid (4, 4) weight.
# Attacks: TFG012 through a helper — the shape parameter is changed in place, not rebound.
import tensorflow as tf


def w(shape):
    shape[0] = int(shape[0])
    return tf.Variable(tf.random.truncated_normal(shape))


n = 8
kernel = w([n / 2, 4])
x = tf.random.normal((2, 4))
with tf.GradientTape() as tape:
    out = tf.reduce_sum(x @ tf.transpose(kernel))
print(tape.gradient(out, kernel).shape)
