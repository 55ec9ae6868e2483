# Once a false positive (TFG006); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: 4.; line 11: 3.2; line 11: 2.56
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(3.0)
tape = tf.GradientTape()
for step in range(3):
    with tape:
        loss = (w - 1.0) ** 2
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
