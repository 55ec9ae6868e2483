# The solver's input-sensitivity method never watches its argument, and the only caller hands
# it a tf.constant: the gradient is None and .numpy() on it fails.
import tensorflow as tf


class Sensitivity(tf.Module):
    def __init__(self):
        super().__init__()
        self.net = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])

    def input_grad(self, x):
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(self.net(x))
        g = tape.gradient(y, x)  # expect: TFG003
        return g.numpy()  # expect: TFG004


probe = Sensitivity()
print(probe.input_grad(tf.constant([[1.0, 2.0]])))
