# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([1.0, 3.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    baseline = tf.stop_gradient(tf.reduce_mean(x))
    y = tf.reduce_sum((x - baseline) ** 2)
g = tape.gradient(y, x)
