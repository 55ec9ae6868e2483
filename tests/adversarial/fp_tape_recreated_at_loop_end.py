# False positive: tflint-grad reports TFG001, TFG006, TFG004 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    loss = (w - 1.0) ** 2
for step in range(3):
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
    with tf.GradientTape() as tape:
        loss = (w - 1.0) ** 2
