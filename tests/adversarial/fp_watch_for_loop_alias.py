# False positive: tflint-grad reports TFG003 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

x = tf.constant(1.5)
t = tf.constant(0.5)
with tf.GradientTape() as tape:
    for v in (x, t):
        tape.watch(v)
    u = tf.sin(x) * t
g = tape.gradient(u, x)
