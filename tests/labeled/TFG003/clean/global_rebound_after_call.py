# Once a false positive (it reported TFG003 on line 10 (w taken for a Python number)); now correctly left alone.
# What TensorFlow 2.21 really returns: 6.0 -- grad_fn runs while the global w is still the Variable; the
# name is rebound to a float only afterwards. (runs without error; every gradient is real and non-zero)
import tensorflow as tf


def grad_fn():
    with tf.GradientTape() as tape:
        loss = w ** 2
    return tape.gradient(loss, w)


w = tf.Variable(3.0)
g = grad_fn()
w = float(w.numpy())  # the final value, kept as a Python number for the report
print(f"w = {w:.3f}")
