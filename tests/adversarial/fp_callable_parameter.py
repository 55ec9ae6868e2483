# False positive: tflint-grad reports TFG011 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable(1.0)


def loss_fn(x):
    return (w * x - 2.0) ** 2


def train_step(fn, x):
    with tf.GradientTape() as tape:
        loss = fn(x)
    return tape.gradient(loss, w)


g = train_step(loss_fn, 3.0)
