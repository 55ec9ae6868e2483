# False positive: tflint-grad reports TFG003 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

x = x0 = tf.constant(3.0)  # two names for one tensor
with tf.GradientTape() as tape:
    tape.watch(x0)
    y = x * x
g = tape.gradient(y, x)
