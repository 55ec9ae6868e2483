# A hand-written "layer" is a tf.Module whose kernel and bias are tf.Variables; watching
# layer.kernel is accepted (only Keras 3 variables are refused).
# Attacks: tape.watch(layer.kernel) — only Keras layers' kernels raise.
import tensorflow as tf


class DenseLayer(tf.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.kernel = tf.Variable(tf.random.normal((n_in, n_out)))
        self.bias = tf.Variable(tf.zeros((n_out,)))

    def __call__(self, x):
        return tf.nn.tanh(x @ self.kernel + self.bias)


layer = DenseLayer(3, 2)
x = tf.random.normal((4, 3))
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(layer.kernel)
    tape.watch(layer.bias)
    y = tf.reduce_sum(layer(x))
dk, db = tape.gradient(y, [layer.kernel, layer.bias])
print(dk.shape, db.shape)
