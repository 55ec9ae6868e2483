# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant(2.0)
with tf.GradientTape() as tape:
    tape.watch(x)
    parts = [x * k for k in (1.0, 2.0, 3.0)]
    y = tf.add_n(parts)
g = tape.gradient(y, x)
