# Once a false positive (TFG011); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: 4.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(2.0)
loss = tf.constant(0.0)
with tf.GradientTape() as tape:
    if (loss := w * w) > 1.0:
        print("large loss")
g = tape.gradient(loss, w)
