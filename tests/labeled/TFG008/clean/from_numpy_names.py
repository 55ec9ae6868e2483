# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf
from numpy import float32, pi

x = tf.constant([1.0, 2.0], dtype=float32)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(tf.sin(pi * x) + tf.cast(x, float32) ** 2)
g = tape.gradient(y, x)
