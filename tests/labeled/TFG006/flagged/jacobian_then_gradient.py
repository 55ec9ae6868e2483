# Jacobian for diagnostics, then the gradient for the update, on the same plain tape.
import tensorflow as tf

w = tf.Variable(tf.ones([2]))
x = tf.constant([1.0, 3.0])

with tf.GradientTape() as tape:
    y = w * x
    loss = tf.reduce_sum(y ** 2)
J = tape.jacobian(y, w)
g = tape.gradient(loss, w)  # expect: TFG006
print(J, g)
