# A trainer keeps a Keras optimizer on self and calls minimize with a loss callable, as in
# TensorFlow 2.4 tutorials; with Keras 3 the optimizer has no minimize.
import tensorflow as tf


class Regressor:
    def __init__(self):
        self.w = tf.Variable([[0.5], [0.5]])
        self.optimizer = tf.keras.optimizers.RMSprop(0.01)

    def loss(self, x, y):
        return tf.reduce_mean((x @ self.w - y) ** 2)

    def step(self, x, y):
        self.optimizer.minimize(lambda: self.loss(x, y), var_list=[self.w])  # expect: TFG017


r = Regressor()
r.step(tf.ones((4, 2)), tf.zeros((4, 1)))
