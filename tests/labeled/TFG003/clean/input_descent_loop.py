# Correctly left alone: gradient descent on an input tensor, re-watched in a fresh tape each iteration.
# TensorFlow 2.21 returns real gradients on every iteration. (every gradient is real and non-zero)
import tensorflow as tf

x = tf.constant([3.0, -2.0])
for it in range(3):
    with tf.GradientTape() as tape:
        tape.watch(x)
        f = tf.reduce_sum((x - 1.0) ** 2)
    g = tape.gradient(f, x)
    x = x - 0.1 * g
