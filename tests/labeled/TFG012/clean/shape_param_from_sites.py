# Correctly left alone: every call passes an int dimension (one of them int(32 * 0.25)).
# TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import tensorflow as tf


def sample(count):
    return tf.random.uniform([count, 1])


w = tf.Variable(2.0)
interior = sample(32)
boundary = sample(int(32 * 0.25))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((w * interior) ** 2) + tf.reduce_mean((w * boundary - 1.0) ** 2)
g = tape.gradient(loss, w)
