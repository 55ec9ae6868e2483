# The helper tries the shape as given and, when TensorFlow refuses float dimensions, retries
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
