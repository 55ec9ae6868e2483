# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 10: 6.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = x0 = tf.constant(3.0)  # two names for one tensor
with tf.GradientTape() as tape:
    tape.watch(x0)
    y = x * x
g = tape.gradient(y, x)
