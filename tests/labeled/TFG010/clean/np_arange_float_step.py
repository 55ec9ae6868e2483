# Correctly left alone: np.arange with a float step, and np.arange(5) cast to float32, are float sources.
# TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import numpy as np
import tensorflow as tf

a = tf.constant(np.arange(0.0, 1.0, 0.25))
b = tf.constant(np.arange(5), dtype=tf.float32)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(a)
    tape.watch(b)
    y = tf.cast(tf.reduce_sum(a ** 2), tf.float32) + tf.reduce_sum(b ** 2)
ga = tape.gradient(y, a)
gb = tape.gradient(y, b)
