# A trainer's penalty method computes with numpy on the weights it is handed; called under the tape, the loss no longer reaches them.
import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.w = tf.Variable([1.0, 2.0])

    def penalty(self, v):
        return tf.constant(np.sum(v.numpy() ** 2))

    def step(self):
        with tf.GradientTape() as tape:
            loss = self.penalty(self.w) * 2.0
        return tape.gradient(loss, self.w)  # expect: TFG008


print(Trainer().step())
