# A callable object holding the variable, made before the tape, called inside.
import tensorflow as tf


class Penalty:
    def __init__(self, var, weight):
        self.var, self.weight = var, weight

    def __call__(self):
        return self.weight * tf.reduce_sum(self.var ** 2)


w = tf.Variable([1.0, 2.0])
p = Penalty(w, 0.5)
with tf.GradientTape() as tape:
    loss = p()
print(tape.gradient(loss, w))
