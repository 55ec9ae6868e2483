# Every call of the helper computes its dimensions with integer arithmetic (//, int(), round(),
# math.ceil, len, max), so each weight is built and the gradients are real.
# Attacks: TFG012 through a helper, with the integer spellings of "half the width".
import math

import tensorflow as tf


def w(shape):
    return tf.Variable(tf.random.truncated_normal(shape, stddev=0.1))


n = 9
layers = [3, 5, 7]
weights = [
    w([n // 2, 4]),
    w([int(n / 2), 4]),
    w([round(n / 2), 4]),
    w([math.ceil(n / 2), 4]),
    w([len(layers) * 2, 4]),
    w([max(1, n // 4), 4]),
    w([int(n * 0.5), 4]),
]
x = tf.random.normal((2, 4))
with tf.GradientTape() as tape:
    loss = tf.add_n([tf.reduce_sum(tf.square(x @ tf.transpose(k))) for k in weights])
grads = tape.gradient(loss, weights)
print([tuple(g.shape) for g in grads])
