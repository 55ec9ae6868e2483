# A static method's first parameter is another object, whose `lr` is a trainable tf.Variable;
# the class's own `lr` field (a float) has the same name but is not what the method reads.
# Attacks: class fields — a @staticmethod's first parameter must not be taken for self.
import tensorflow as tf


class HyperState:
    def __init__(self):
        self.lr = tf.Variable(0.1)


class Schedule:
    def __init__(self):
        self.lr = 0.01

    @staticmethod
    def lr_grad(state, w, g):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(w - state.lr * g))
        return tape.gradient(loss, state.lr)


sched = Schedule()
print(sched.lr, float(sched.lr_grad(HyperState(), tf.constant([1.0, -1.0]), tf.constant([2.0, 2.0]))))
