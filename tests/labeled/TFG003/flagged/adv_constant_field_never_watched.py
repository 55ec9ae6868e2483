# The same solver without the watch: the collocation points are a constant field the tape
# never watched, and du/dx is None. Attacks: constant fields known in methods.
import tensorflow as tf


class Solver:
    def __init__(self):
        self.x = tf.reshape(tf.linspace(0.0, 1.0, 6), (6, 1))
        self.net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1, "tanh")])

    def du_dx(self):
        with tf.GradientTape() as tape:
            u = self.net(self.x)
        return tape.gradient(u, self.x)  # expect: TFG003


print(Solver().du_dx())
