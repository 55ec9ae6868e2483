# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant(2.0)
with tf.GradientTape() as tape:
    tape.watch(x)
    h = x * 2.0
    y = h * h
g = tape.gradient(y, h)
