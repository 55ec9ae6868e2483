# A subclassed model whose call() applies a numpy activation; the input saliency is  # known-miss: FN line 20: `net = Smooth()` is a model, but calling it does not look into Smooth.call, so the np.tanh there is invisible
# None because the tape loses the path at np.tanh.
import numpy as np
import tensorflow as tf


class Smooth(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.head = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.head(np.tanh(x))


net = Smooth()
x = tf.Variable(tf.random.normal([3, 2]))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(net(x))
dy_dx = tape.gradient(y, x)  # expect: TFG008
print(dy_dx)
