# A persistent tape serves a jacobian, a batch_jacobian and a gradient.
import tensorflow as tf

x = tf.random.normal([3, 2])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = tf.sin(x)
    s = tf.reduce_sum(y)
J = tape.jacobian(y, x)
BJ = tape.batch_jacobian(y, x)
g = tape.gradient(s, x)
del tape
print(J.shape, BJ.shape, g.shape)
