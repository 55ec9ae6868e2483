# `weight = property(_get, _set)`: the __init__ assignment of a float goes through the setter,
# which stores a tf.Variable, so the field read back in the method is trainable.
# Attacks: class fields — a class-level property() is an assignment, not a def, so self.weight looks like a float field.
import tensorflow as tf


class Penalty:
    def _get(self):
        return self._weight

    def _set(self, value):
        self._weight = tf.Variable(float(value))

    weight = property(_get, _set)

    def __init__(self):
        self.weight = 0.3

    def weight_grad(self, residual):
        with tf.GradientTape() as tape:
            loss = self.weight * tf.reduce_mean(tf.square(residual))
        return tape.gradient(loss, self.weight)


p = Penalty()
print(float(p.weight_grad(tf.constant([0.5, -1.0, 2.0]))))
