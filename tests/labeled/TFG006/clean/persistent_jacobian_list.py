# A persistent tape used for a jacobian with list sources and then for a gradient.
import tensorflow as tf

w1 = tf.Variable(tf.ones([2, 2]))
b1 = tf.Variable(tf.zeros([2]))
x = tf.constant([[1.0, 2.0]])
with tf.GradientTape(persistent=True) as tape:
    y = tf.tanh(x @ w1 + b1)
    loss = tf.reduce_sum(y)
jw, jb = tape.jacobian(y, [w1, b1])
gw, gb = tape.gradient(loss, [w1, b1])
del tape
print(jw.shape, jb.shape, gw, gb)
