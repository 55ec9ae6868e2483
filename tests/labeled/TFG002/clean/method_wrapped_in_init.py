# Once a false positive (it reported TFG002 on line 13 (tf.gradients in 'grads', taken to run eagerly)); now correctly left alone.
# What TensorFlow 2.21 really returns: __init__ rebinds self.grads to tf.function(self.grads), so the call
# is traced and tf.gradients returns 3x^2 = 27. (runs without error; every gradient is real and non-zero)
import tensorflow as tf


class Solver:
    def __init__(self):
        self.grads = tf.function(self.grads)

    def grads(self, x):
        y = x ** 3
        return tf.gradients(y, x)[0]


solver = Solver()
g = solver.grads(tf.constant(3.0))
