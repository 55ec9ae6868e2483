# A PINN solver keeps its collocation points as a constant field and watches that field in
# the residual method: the derivative is real. Attacks: constant fields known in methods.
import tensorflow as tf


class Solver:
    def __init__(self):
        self.x = tf.reshape(tf.linspace(0.0, 1.0, 6), (6, 1))
        self.net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1, "tanh")])

    def residual(self):
        with tf.GradientTape() as tape:
            tape.watch(self.x)
            u = self.net(self.x)
        return tape.gradient(u, self.x) - u


print(Solver().residual().shape)
