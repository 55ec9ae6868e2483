# False positive: tflint-grad reports TFG010 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

DTYPE = tf.float32
x = tf.constant([1, 2, 3], DTYPE)  # integer literals, float dtype
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x * x)
g = tape.gradient(y, x)
