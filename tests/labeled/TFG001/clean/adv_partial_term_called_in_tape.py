# A functools.partial closure made before the tape, called inside.
import functools
import tensorflow as tf

w = tf.Variable([1.0, 2.0, 3.0])


def l2(v, scale):
    return scale * tf.reduce_sum(tf.square(v))


term = functools.partial(l2, w, 1.0)
with tf.GradientTape() as tape:
    loss = term()
print(tape.gradient(loss, w))
