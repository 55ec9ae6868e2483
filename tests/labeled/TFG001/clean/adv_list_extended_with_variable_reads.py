# Terms gathered with extend() from a helper that reads the variable inside the tape: the gradient exists.
import tensorflow as tf

v = tf.Variable(2.0)


def terms(scale):
    return [v * scale, v ** 2]


with tf.GradientTape() as tape:
    pieces = []
    pieces.extend(terms(3.0))
    pieces.insert(0, tf.sin(v))
    loss = tf.add_n(pieces)
print(tape.gradient(loss, v))
