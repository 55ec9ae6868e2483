# tf.Module method computing a saliency with tf.gradients; the method is not a
# tf.function and is called eagerly from module level.
import tensorflow as tf


class Saliency(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.ones([3, 1]))

    def explain(self, x):
        y = tf.matmul(x, self.w)
        return tf.gradients(y, x)[0]  # expect: TFG002


print(Saliency().explain(tf.ones([2, 3])))
