# The loss helper reads the weights through a parameter-group field (a list of the same
# variables built in __init__), never through self.w by name; the gradient w.r.t. self.w is real.
# Attacks: a self.helper() call depends on the fields the helper reads (here: only self.params).
import tensorflow as tf


class Linear(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([[1.0], [-1.0]])
        self.b = tf.Variable([0.5])
        self.params = [self.w, self.b]

    def loss(self, x, y):
        w, b = self.params
        return tf.reduce_mean(tf.square(x @ w + b - y))

    def grads(self, x, y):
        with tf.GradientTape() as tape:
            value = self.loss(x, y)
        return tape.gradient(value, self.w)


m = Linear()
print(m.grads(tf.constant([[1.0, 2.0]]), tf.constant([[0.0]])).numpy().ravel())
