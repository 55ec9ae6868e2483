# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant(2.0)
with tf.GradientTape() as tape:
    tape.watch(x)
    junk = x * 100.0
    tape.reset()
    tape.watch(x)
    y = x * x
g = tape.gradient(y, x)
