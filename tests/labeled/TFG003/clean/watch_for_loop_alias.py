# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 12: 0.0354
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

x = tf.constant(1.5)
t = tf.constant(0.5)
with tf.GradientTape() as tape:
    for v in (x, t):
        tape.watch(v)
    u = tf.sin(x) * t
g = tape.gradient(u, x)
