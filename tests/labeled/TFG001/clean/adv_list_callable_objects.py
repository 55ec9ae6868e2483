# Penalty objects holding the variable are appended before the tape and called inside it.
import tensorflow as tf


class Penalty:
    def __init__(self, var, weight):
        self.var, self.weight = var, weight

    def __call__(self):
        return self.weight * tf.reduce_sum(self.var ** 2)


w = tf.Variable([1.0, 2.0])
penalties = []
penalties.append(Penalty(w, 0.5))
penalties.append(Penalty(w, 0.1))
with tf.GradientTape() as tape:
    loss = tf.add_n([p() for p in penalties])
print(tape.gradient(loss, w))
