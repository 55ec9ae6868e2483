# False positive: tflint-grad reports TFG003 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

a = tf.constant(2.0)
b = tf.constant(5.0)
inputs = [a, b]
with tf.GradientTape() as tape:
    tape.watch(inputs)
    y = a * a + 3.0 * b
ga, gb = tape.gradient(y, [a, b])
