# Once a false positive (it reported TFG010 (integer source) on line 10); now correctly left alone.
# What TensorFlow 2.21 really returns: x is float32 (dtype_hint applies to the int list), g = 2x = [2, 4, 6].
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = tf.convert_to_tensor([1, 2, 3], dtype_hint=tf.float32)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x ** 2)
g = tape.gradient(y, x)
