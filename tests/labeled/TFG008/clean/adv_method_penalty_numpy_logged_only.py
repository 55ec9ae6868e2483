# The penalty method logs a numpy copy of the weights but returns a TensorFlow value built from them: the gradient exists.
import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.w = tf.Variable([1.0, 2.0])
        self.history = []

    def penalty(self, v):
        self.history.append(float(np.sum(v.numpy() ** 2)))
        return tf.reduce_sum(v ** 2)

    def step(self):
        with tf.GradientTape() as tape:
            loss = self.penalty(self.w) * 2.0
        return tape.gradient(loss, self.w)


print(Trainer().step())
