# Correctly left alone: tf.gradients inside a @tf.function method of a tf.Module, called on an instance.
# TensorFlow 2.21 returns the traced gradient 2 * w * x. (every gradient is real and non-zero)
import tensorflow as tf


class Energy(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(1.5)

    @tf.function
    def force(self, x):
        e = self.w * x ** 2
        return tf.gradients(e, x)[0]


energy = Energy()
f = energy.force(tf.constant(2.0))
