# Once a false positive (TFG001, TFG006, TFG004); now correctly left alone.
# What TensorFlow 2.21 really returns: line 10: 4.; line 10: 3.2; line 10: 2.56
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    loss = (w - 1.0) ** 2
for step in range(3):
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
    with tf.GradientTape() as tape:
        loss = (w - 1.0) ** 2
