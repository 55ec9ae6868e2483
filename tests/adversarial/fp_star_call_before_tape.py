# False positive: tflint-grad reports TFG001 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

x = tf.constant(2.0)
y = tf.constant(3.0)
args = (x, y)
with tf.GradientTape() as tape:
    tape.watch(x)
    z = tf.multiply(*args)
g = tape.gradient(z, x)
