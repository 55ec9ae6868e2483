# Correctly left alone: a local name `round` holds a smooth function; shapes use the builtin round before.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

n = 9
x = tf.Variable(tf.ones([round(n / 3), 1]))


def smooth_round(v):
    return v - tf.sin(2.0 * 3.14159 * v) / (2.0 * 3.14159)


with tf.GradientTape() as tape:
    loss = tf.reduce_sum(smooth_round(x * 1.3))
g = tape.gradient(loss, x)
