# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant(1.0)
for i in range(3):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x + 1.0
    g = tape.gradient(y, x)
    x = x - 0.1 * g
