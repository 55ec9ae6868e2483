# Second-order PINN residual: nested tapes, the outer one watching the frozen collocation
# field; both batch Jacobians are recorded, so the arithmetic on them is on real tensors.
# Attacks: batch_jacobian of an unrecorded target "is all zeros", frozen fields watched in a method.
import tensorflow as tf


class Oscillator(tf.Module):
    def __init__(self):
        super().__init__()
        self.t = tf.Variable(tf.linspace(0.0, 1.0, 6)[:, None], trainable=False)
        self.net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8, activation="tanh"),
                                        tf.keras.layers.Dense(1)])
        self.omega = 2.0

    def residual(self):
        with tf.GradientTape() as outer:
            outer.watch(self.t)
            with tf.GradientTape() as inner:
                inner.watch(self.t)
                u = self.net(self.t)
            u_t = inner.batch_jacobian(u, self.t)[:, :, 0]
        u_tt = outer.batch_jacobian(u_t, self.t)[:, :, 0]
        return u_tt + self.omega ** 2 * u


osc = Oscillator()
print(tf.reduce_mean(tf.square(osc.residual())).numpy())
