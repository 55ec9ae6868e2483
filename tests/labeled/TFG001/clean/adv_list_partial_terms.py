# Loss terms bound with functools.partial before the tape, evaluated inside it.
import functools
import tensorflow as tf

w = tf.Variable([1.0, 2.0, 3.0])


def l2(v, scale):
    return scale * tf.reduce_sum(tf.square(v))


def l1(v, scale):
    return scale * tf.reduce_sum(tf.abs(v))


terms = []
terms.append(functools.partial(l2, w, 1.0))
terms.append(functools.partial(l1, w, 0.1))
with tf.GradientTape() as tape:
    loss = tf.add_n([t() for t in terms])
print(tape.gradient(loss, w))
