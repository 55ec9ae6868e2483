# A PINN keeps x and t as frozen tf.Variable fields, watches them, and stacks them with a
# helper method called inside the tape; the batch Jacobian du/dx is real (not zeros).
# Attacks: frozen fields, self.helper() calls, and batch_jacobian of an unrecorded target.
import tensorflow as tf


class HeatSolver(tf.Module):
    def __init__(self, n):
        super().__init__()
        self.x = tf.Variable(tf.random.uniform((n, 1)), trainable=False)
        self.t = tf.Variable(tf.random.uniform((n, 1)), trainable=False)
        self.net = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(16, activation="tanh"),
                                        tf.keras.layers.Dense(1)])

    def inputs(self):
        return tf.concat([self.x, self.t], axis=1)

    def u_x(self):
        with tf.GradientTape() as tape:
            tape.watch(self.x)
            tape.watch(self.t)
            u = self.net(self.inputs())
        return tape.batch_jacobian(u, self.x)[:, 0, 0]


solver = HeatSolver(8)
print(solver.u_x().numpy())
