# A Keras subclassed model with a helper method that uses tf.gradients; the method
# is called directly (not under tf.function).
import tensorflow as tf
from tensorflow.compat.v1 import gradients as graph_gradients


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.d(x)

    def input_grad(self, x):
        return graph_gradients(self(x), x)  # expect: TFG002


net = Net()
xs = tf.ones([2, 4])
net(xs)
print(net.input_grad(xs))
