# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.w = tf.Variable(2.0)
        self.tape = None

    def step(self, x):
        self.tape = tf.GradientTape()
        with self.tape:
            loss = (self.w * x - 1.0) ** 2
        return self.tape.gradient(loss, self.w)


g = Trainer().step(3.0)
