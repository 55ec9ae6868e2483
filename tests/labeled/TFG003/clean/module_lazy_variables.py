# Correctly left alone: a tf.Module creates its variables lazily on the first call, inside the tape.
# TensorFlow 2.21 returns real gradients for w and b. (every gradient is real and non-zero)
import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.w = None

    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.ones((x.shape[-1], self.units)))
            self.b = tf.Variable(tf.ones((self.units,)))
        return tf.matmul(x, self.w) + self.b


lin = Linear(2)
x = tf.constant([[1.0, 2.0, 3.0]])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(lin(x) ** 2)
grads = tape.gradient(loss, lin.trainable_variables)
