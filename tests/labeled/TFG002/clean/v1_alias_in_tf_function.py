# tf.compat.v1.gradients under a short alias, used only inside a tf.function method.
import tensorflow as tf

v1_grads = tf.compat.v1.gradients


class Saliency(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.ones([3, 1]))

    @tf.function
    def explain(self, x):
        y = tf.matmul(x, self.w)
        return v1_grads(y, x)[0]


saliency = Saliency()
print(saliency.explain(tf.ones([2, 3])))
