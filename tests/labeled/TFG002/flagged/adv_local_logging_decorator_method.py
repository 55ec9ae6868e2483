# A logging decorator without functools, on a method that calls tf.gradients in eager code.
import tensorflow as tf


def log_call(fn):
    def inner(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return inner


class Sensitivity:
    def __init__(self, model):
        self.model = model

    @log_call
    def of(self, x):
        return tf.gradients(self.model(x), [x])  # expect: TFG002


m = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
print(Sensitivity(m).of(tf.ones([1, 2])))
