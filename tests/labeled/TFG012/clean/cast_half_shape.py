# Correctly left alone: tf.cast(n / 2, tf.int32) is an integer tensor dimension.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

n = 6
half = tf.cast(n / 2, tf.int32)
noise = tf.random.uniform([half, 1])
x = tf.Variable(tf.ones((3, 1)))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum((x + noise) ** 2)
g = tape.gradient(loss, x)
