# Once a false positive (TFG001); now correctly left alone.
# What TensorFlow 2.21 really returns: line 12: 3.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = tf.constant(2.0)
y = tf.constant(3.0)
args = (x, y)
with tf.GradientTape() as tape:
    tape.watch(x)
    z = tf.multiply(*args)
g = tape.gradient(z, x)
