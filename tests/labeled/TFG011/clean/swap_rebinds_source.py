# Once a false positive (TFG011); now correctly left alone.
# What TensorFlow 2.21 really returns: line 12: 3.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = tf.Variable(1.0)
c = tf.constant(2.0)
a, b = x, c
a, b = b, a  # now b is x
with tf.GradientTape() as tape:
    y = b * 3.0
g = tape.gradient(y, x)
