# Once a false positive (TFG001); now correctly left alone.
# What TensorFlow 2.21 really returns: line 12: [33., 11.]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(2.0)
b = tf.Variable(0.5)
params = [w, b]  # a Python list: no op for the tape to miss
x = tf.constant(3.0)
with tf.GradientTape() as tape:
    loss = (params[0] * x + params[1] - 1.0) ** 2
gw, gb = tape.gradient(loss, [w, b])
