# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    d = tf.cast(x, tf.float64)
    h = tf.cast(d, "float32")
    y = tf.reduce_sum(tf.cast(h, dtype=x.dtype) ** 2)
g = tape.gradient(y, x)
