# A solver class keeps its ReLU network on self; the Poisson residual's u_xx comes from nested
# tapes in a method and is zero everywhere.
import tensorflow as tf


class PoissonSolver:
    def __init__(self, width=12):
        self.net = tf.keras.Sequential([
            tf.keras.Input((1,)),
            tf.keras.layers.Dense(width, activation=tf.nn.relu),
            tf.keras.layers.Dense(1),
        ])

    def residual(self, x):
        with tf.GradientTape() as outer:
            outer.watch(x)
            with tf.GradientTape() as inner:
                inner.watch(x)
                u = self.net(x)
            u_x = inner.gradient(u, x)
        u_xx = outer.gradient(u_x, x)  # expect: TFG020
        return u_xx + 1.0


solver = PoissonSolver()
print(solver.residual(tf.constant([[0.25], [0.75]])))
