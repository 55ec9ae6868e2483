# Inputs standardized by a helper before the tape; the tape watches both tensors but
# the derivative asked for is with respect to the raw input.
import tensorflow as tf


def standardize(v):
    return (v - tf.reduce_mean(v)) / (tf.math.reduce_std(v) + 1e-6)


def sensitivity(w, x):
    xn = standardize(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        tape.watch(xn)
        y = tf.reduce_sum(tf.sin(xn * w))
    return tape.gradient(y, x)  # expect: TFG001


w = tf.Variable(2.0)
print(sensitivity(w, tf.random.uniform([5])))
