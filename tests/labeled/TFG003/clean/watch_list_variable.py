# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 12: [4., 3.]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

a = tf.constant(2.0)
b = tf.constant(5.0)
inputs = [a, b]
with tf.GradientTape() as tape:
    tape.watch(inputs)
    y = a * a + 3.0 * b
ga, gb = tape.gradient(y, [a, b])
