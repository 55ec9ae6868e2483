# Hessian-vector style: the inner gradient is taken after the outer block has closed.
import tensorflow as tf

x = tf.Variable([1.0, 2.0])

with tf.GradientTape() as t2:
    with tf.GradientTape() as t1:
        y = tf.reduce_sum(x ** 3)
dy_dx = t1.gradient(y, x)
d2y = t2.gradient(dy_dx, x)  # expect: TFG005
print(d2y)
