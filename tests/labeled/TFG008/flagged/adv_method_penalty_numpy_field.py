# The penalty method reads the weights from self and goes through .numpy(): the step's gradient is None.
import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.w = tf.Variable([1.0, 2.0])

    def penalty(self):
        return tf.constant(np.sum(self.w.numpy() ** 2))

    def step(self):
        with tf.GradientTape() as tape:
            loss = self.penalty() * 2.0
        return tape.gradient(loss, self.w)  # expect: TFG008


print(Trainer().step())
