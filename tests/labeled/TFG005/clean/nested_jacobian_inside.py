# Hessian via nested tapes: the inner gradient is taken inside the outer block.
import tensorflow as tf

x = tf.Variable([0.5, 1.5])
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        y = tf.reduce_sum(tf.sin(x) * x)
    g = inner.gradient(y, x)
H = outer.jacobian(g, x)
print(H)
