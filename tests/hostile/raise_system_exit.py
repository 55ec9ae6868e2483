# refused: SystemExit is not one of the allowed builtins.
import tensorflow as tf


def checked(v):
    if v.shape[0] == 1:
        raise SystemExit(3)
    return v


x = checked(tf.constant([1.0]))
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
