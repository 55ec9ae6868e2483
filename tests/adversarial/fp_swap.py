# False positive: tflint-grad reports TFG011 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

x = tf.Variable(1.0)
c = tf.constant(2.0)
a, b = x, c
a, b = b, a  # now b is x
with tf.GradientTape() as tape:
    y = b * 3.0
g = tape.gradient(y, x)
