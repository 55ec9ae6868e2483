# False positive: tflint-grad reports TFG011 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import functools

import tensorflow as tf

w = tf.Variable(1.5)


def model_loss(scale, x):
    return scale * (w * x - 2.0) ** 2


loss_fn = functools.partial(model_loss, 0.5)
with tf.GradientTape() as tape:
    loss = loss_fn(3.0)
g = tape.gradient(loss, w)
