# Once a false positive (TFG006); now correctly left alone.
# What TensorFlow 2.21 really returns: line 10: 2.; line 13: 3.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(1.0)
tape = tf.GradientTape()
with tape:
    loss1 = w * w
g1 = tape.gradient(loss1, w)
with tape:  # re-entering a spent non-persistent tape starts a fresh recording
    loss2 = w * w * w
g2 = tape.gradient(loss2, w)
