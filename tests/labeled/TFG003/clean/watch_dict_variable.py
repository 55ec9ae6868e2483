# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: [2., 4.]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = tf.constant([1.0, 2.0])
feeds = {"x": x}
with tf.GradientTape() as tape:
    tape.watch(feeds)
    y = tf.reduce_sum(x ** 2)
g = tape.gradient(y, x)
