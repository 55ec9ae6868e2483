# Sensitivity with respect to a step count given as an integer tensor.
import tensorflow as tf


def decay_sensitivity(steps):
    with tf.GradientTape() as tape:
        tape.watch(steps)
        lr = 0.1 * tf.exp(-0.01 * tf.cast(steps, tf.float32))
    return tape.gradient(lr, steps)  # expect: TFG010


print(decay_sensitivity(tf.constant(100)))
