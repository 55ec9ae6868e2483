# Correctly left alone: n /= 2 makes a float, int(n) turns it back before the shape.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

n = 10
n /= 2
n = int(n)
z = tf.random.normal([n, 3])
w = tf.Variable(tf.ones((3, 1)))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.matmul(z, w) ** 2)
g = tape.gradient(loss, w)
