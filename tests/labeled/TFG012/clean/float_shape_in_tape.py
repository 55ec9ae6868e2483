# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
with tf.GradientTape() as tape:
    tape.watch(x)
    n = float(x.shape[0])
    m = float(tf.size(x))
    y = tf.reduce_sum(x * x) / n / m
g = tape.gradient(y, x)
