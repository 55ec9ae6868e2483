# False positive: tflint-grad reports TFG006 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    loss = w ** 2
while True:
    g = tape.gradient(loss, w)
    if g is not None:
        break
