# Once a false positive (TFG010); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: [2., 4., 6.]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

DTYPE = tf.float32
x = tf.constant([1, 2, 3], DTYPE)  # integer literals, float dtype
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x * x)
g = tape.gradient(y, x)
