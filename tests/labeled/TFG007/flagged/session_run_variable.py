# Reading a variable's value TF1-style, through a Session, in eager mode.  # known-miss: FN line 10: s.run(v) inside `with Session() as s` needs every fetched binding to be a known eager kind; v is a function parameter (the eager tf.Variable passed by the caller)
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
w.assign_add([0.5, 0.5])


def show(v):
    with tf.compat.v1.Session() as s:
        return s.run(v)  # expect: TFG007


print(show(w))
