# The helper tries the shape as given and, when TensorFlow refuses float dimensions, retries  # known-miss: FP TFG012 line 9: TFG012 through a helper (6) — the op does raise on the float dimensions, but inside a try whose except (TypeError, InvalidArgumentError) retries with rounded dimensions; the program never fails
# with them rounded: `w([n / 2, 4])` runs without error and the weight is differentiated.
# Attacks: TFG012 through a helper — the failing op is guarded by a handler that repairs it.
import tensorflow as tf


def w(shape):
    try:
        init = tf.random.truncated_normal(shape)
    except (TypeError, tf.errors.InvalidArgumentError):
        init = tf.random.truncated_normal([round(d) for d in shape])
    return tf.Variable(init)


n = 8
kernel = w([n / 2, 4])
x = tf.random.normal((2, 4))
with tf.GradientTape() as tape:
    out = tf.reduce_sum(x @ tf.transpose(kernel))
print(tape.gradient(out, kernel).shape)
