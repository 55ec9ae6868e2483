# A tf.Module's variables are tf.Variables: watching them explicitly is redundant but works,
# in Keras 3 times as before.
import tensorflow as tf


class Affine(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([[1.0], [2.0]])
        self.b = tf.Variable([0.5])

    def __call__(self, x):
        return x @ self.w + self.b


affine = Affine()
x = tf.ones((3, 2))
with tf.GradientTape() as tape:
    tape.watch(affine.trainable_variables)
    y = tf.reduce_sum(affine(x))
print(tape.gradient(y, affine.trainable_variables))
