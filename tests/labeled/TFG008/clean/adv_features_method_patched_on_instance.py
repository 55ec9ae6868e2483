# The class's default feature map goes through numpy (for offline analysis); the training
# script replaces it on the instance with a TensorFlow version before differentiating.
# Attacks: self.helper() calls run the class's method (the instance attribute shadows it).
import numpy as np
import tensorflow as tf


class Featurizer(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([[0.5, -0.5], [1.0, 2.0]])

    def features(self, x):
        return np.tanh(x.numpy())

    def loss_grad(self, x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(self.features(x @ self.w)))
        return tape.gradient(loss, self.w)


f = Featurizer()
f.features = tf.tanh   # train through a differentiable feature map
print(f.loss_grad(tf.constant([[1.0, 2.0]])).numpy())
