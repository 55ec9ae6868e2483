# Correctly left alone: int(n * 0.5), n // 2, round(n / 2) and math.ceil(n / 3) are integer dimensions.
# TensorFlow 2.21 returns a real gradient for w. (every gradient is real and non-zero)
import math

import tensorflow as tf

n = 8
a = tf.ones([int(n * 0.5), 2])
b = tf.zeros([n // 2, 2])
c = tf.random.normal([round(n / 2), 2])
d = tf.fill([math.ceil(n / 3), 2], 1.0)
w = tf.Variable([[1.0], [2.0]])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.matmul(tf.concat([a, b, c, d], 0), w))
g = tape.gradient(loss, w)
