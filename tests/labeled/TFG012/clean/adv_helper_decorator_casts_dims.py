# A decorator rounds every dimension of the shape to an int before the initializer runs, so
# passing `[n_hidden / 2, 4]` to the decorated helper builds a (4, 4) weight without error.
# Attacks: TFG012 through a helper (a list literal with a float dimension passed to the shape parameter).
import functools

import tensorflow as tf


def integer_dims(make):
    @functools.wraps(make)
    def wrapped(shape, **kwargs):
        return make([int(d) for d in shape], **kwargs)
    return wrapped


@integer_dims
def weight(shape):
    return tf.Variable(tf.random.truncated_normal(shape, stddev=0.1))


n_hidden = 8
w1 = weight([n_hidden / 2, 4])
x = tf.random.normal((3, 4))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.tanh(x @ tf.transpose(w1)))
print(tape.gradient(y, w1).shape)
