# The inner gradient is taken inside the outer block, but its column is sliced by a
# helper only after the block ended.
import tensorflow as tf


def column(g, j):
    return g[:, j:j + 1]


xt = tf.random.uniform([6, 2])
with tf.GradientTape() as t2:
    t2.watch(xt)
    with tf.GradientTape() as t1:
        t1.watch(xt)
        u = tf.reduce_sum(xt ** 3, axis=1, keepdims=True)
    grad_u = t1.gradient(u, xt)
u_x = column(grad_u, 0)
u_xx = t2.gradient(u_x, xt)  # expect: TFG005
print(u_xx)
