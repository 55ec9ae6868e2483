# Once a false positive (TFG006); now correctly left alone.
# What TensorFlow 2.21 really returns: line 10: 4.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    loss = w ** 2
while True:
    g = tape.gradient(loss, w)
    if g is not None:
        break
