# False positive: tflint-grad reports TFG003 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

x = tf.constant([1.0, 2.0])
feeds = {"x": x}
with tf.GradientTape() as tape:
    tape.watch(feeds)
    y = tf.reduce_sum(x ** 2)
g = tape.gradient(y, x)
