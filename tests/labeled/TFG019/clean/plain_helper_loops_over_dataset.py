# Without tf.function the helper's loop runs in Python under the tape: the gradient is 6.
import tensorflow as tf

factors = tf.data.Dataset.from_tensor_slices([2.0, 3.0])


def scaled(x):
    for f in factors:
        x = x * f
    return x


a = tf.constant(1.0)
with tf.GradientTape() as tape:
    tape.watch(a)
    out = scaled(a)
print(tape.gradient(out, a))
