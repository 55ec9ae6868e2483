# False positive: tflint-grad reports TFG011 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable(2.0)
loss = tf.constant(0.0)
with tf.GradientTape() as tape:
    if (loss := w * w) > 1.0:
        print("large loss")
g = tape.gradient(loss, w)
