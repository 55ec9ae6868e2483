# Correctly left alone: a list of tensors made before the tape, unpacked inside it after the watches.
# TensorFlow 2.21 returns cos(x) * t. (every gradient is real and non-zero)
import tensorflow as tf

x = tf.constant([[0.5], [1.0]])
t = tf.constant([[0.1], [0.2]])
inputs = [x, t]  # a Python list made before the tape: no op
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    xx, tt = inputs
    u = tf.sin(xx) * tt
g = tape.gradient(u, x)
