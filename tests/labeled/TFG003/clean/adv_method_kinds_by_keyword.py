# The method is called with keyword arguments in the opposite order of its parameters: the
# tf.Variable goes to `w` and the data constant to `x`, so the gradient w.r.t. w is real.
# Attacks: methods take their parameters' kinds from the calls on instances in the file.
import tensorflow as tf


class LeastSquares:
    def __init__(self):
        self.reg = 0.01

    def grad(self, x, w):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(x @ w)) + self.reg * tf.reduce_sum(w * w)
        return tape.gradient(loss, w)


ls = LeastSquares()
print(ls.grad(w=tf.Variable([[1.0], [2.0]]), x=tf.constant([[0.5, 0.5], [1.0, -1.0]])).numpy().ravel())
