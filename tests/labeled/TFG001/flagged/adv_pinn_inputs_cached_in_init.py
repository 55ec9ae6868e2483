# A PINN caches the stacked input X = concat([x, t]) in __init__, then watches x in the  # known-miss: FN line 19: class fields (1) — self.X = tf.concat([self.x, self.t], 1) in __init__ is a step made before any tape, but a field made by a TensorFlow op other than tf.Variable is opaque
# tape: u depends on x only through a concat the tape never recorded, so du/dx is None.
import tensorflow as tf


class HeatSolver(tf.Module):
    def __init__(self, n):
        super().__init__()
        self.x = tf.Variable(tf.random.uniform((n, 1)), trainable=False)
        self.t = tf.Variable(tf.random.uniform((n, 1)), trainable=False)
        self.X = tf.concat([self.x, self.t], axis=1)
        self.net = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(8, activation="tanh"),
                                        tf.keras.layers.Dense(1)])

    def u_x(self):
        with tf.GradientTape() as tape:
            tape.watch(self.x)
            u = self.net(self.X)
        return tape.gradient(u, self.x)  # expect: TFG001


solver = HeatSolver(8)
print(solver.u_x())
