# tf.gradients inside a @tf.function method of a small trainer class.
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.w = tf.Variable([1.0, -1.0])

    @tf.function
    def step(self, x):
        loss = tf.reduce_sum(tf.square(self.w - x))
        grads = tf.gradients(loss, [self.w])
        self.w.assign_sub(0.1 * grads[0])
        return loss


trainer = Trainer()
print(trainer.step(tf.constant([0.0, 0.0])))
