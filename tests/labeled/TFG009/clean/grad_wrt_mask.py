# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([-1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    m = tf.cast(x > 0, tf.float32)
    tape.watch(m)
    y = tf.reduce_sum(m * x)
g = tape.gradient(y, m)
