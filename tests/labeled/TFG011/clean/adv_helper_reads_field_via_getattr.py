# The loss helper picks the weight field by name with getattr (one helper for several heads);
# the loss depends on self.w_main, so its gradient is real.
# Attacks: a self.helper() call depends on the fields the helper reads.
import tensorflow as tf


class TwoHeads(tf.Module):
    def __init__(self):
        super().__init__()
        self.w_main = tf.Variable([2.0, 1.0])
        self.w_aux = tf.Variable([0.1, 0.1])

    def head_loss(self, head, x):
        w = getattr(self, "w_" + head)
        return tf.reduce_sum(tf.square(w * x))

    def main_grad(self, x):
        with tf.GradientTape() as tape:
            loss = self.head_loss("main", x)
        return tape.gradient(loss, self.w_main)


m = TwoHeads()
print(m.main_grad(tf.constant([1.0, 3.0])).numpy())
