# Once a false positive (TFG011); now correctly left alone.
# What TensorFlow 2.21 really returns: line 16: 6.
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable(1.0)


def loss_fn(x):
    return (w * x - 2.0) ** 2


def train_step(fn, x):
    with tf.GradientTape() as tape:
        loss = fn(x)
    return tape.gradient(loss, w)


g = train_step(loss_fn, 3.0)
