# A decorator turns the method's tensor arguments into tf.Variables before the body runs, so
# `solver.<method>(tf.constant(...))` differentiates with respect to a trainable variable.
# Attacks: method parameters take their kinds from the calls on instances (a decorator changes them).
import functools

import tensorflow as tf


def as_variables(method):
    @functools.wraps(method)
    def wrapped(self, *args):
        return method(self, *[tf.Variable(a) for a in args])
    return wrapped


class Solver:
    def __init__(self):
        self.target = 3.0

    @as_variables
    def fit_step(self, x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(x - self.target))
        return tape.gradient(loss, x)


solver = Solver()
print(solver.fit_step(tf.constant([1.0, 2.0])).numpy())
