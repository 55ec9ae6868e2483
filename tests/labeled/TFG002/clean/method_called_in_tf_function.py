# Correctly left alone: an undecorated method using tf.gradients is only called from a tf.function.
# TensorFlow 2.21 returns the traced gradient cos(x). (every gradient is real and non-zero)
import tensorflow as tf


class Physics:
    def slope(self, x):
        y = tf.sin(x)
        return tf.gradients(y, x)[0]


physics = Physics()


@tf.function
def run(x):
    return physics.slope(x)


s = run(tf.constant(0.3))
