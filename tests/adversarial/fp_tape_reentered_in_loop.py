# False positive: tflint-grad reports TFG006 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable(3.0)
tape = tf.GradientTape()
for step in range(3):
    with tape:
        loss = (w - 1.0) ** 2
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
