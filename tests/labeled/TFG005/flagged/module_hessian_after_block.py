# tf.Module computing a second derivative: the inner gradient is taken after the outer
# tape's block has ended, so the outer tape never recorded it.
import tensorflow as tf


class Oscillator(tf.Module):
    def __init__(self):
        super().__init__()
        self.k = tf.Variable(2.0)

    def curvature(self, x):
        with tf.GradientTape() as outer:
            outer.watch(x)
            with tf.GradientTape() as inner:
                inner.watch(x)
                u = tf.sin(self.k * x)
        u_x = inner.gradient(u, x)
        u_xx = outer.gradient(u_x, x)  # expect: TFG005
        return u_xx


print(Oscillator().curvature(tf.constant([0.1, 0.2])))
