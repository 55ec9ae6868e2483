# Reading a variable's value TF1-style, through a Session, in eager mode.
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
w.assign_add([0.5, 0.5])


def show(v):
    with tf.compat.v1.Session() as s:
        return s.run(v)  # expect: TFG007


print(show(w))
