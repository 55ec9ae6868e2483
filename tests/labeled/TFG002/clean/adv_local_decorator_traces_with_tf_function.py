# A local decorator that compiles what it wraps with tf.function: tf.gradients runs in a graph.
import tensorflow as tf


def compiled(f):
    return tf.function(f)


@compiled
def sensitivity(x):
    y = tf.reduce_sum(tf.sin(x) ** 2)
    return tf.gradients(y, x)[0]


print(sensitivity(tf.constant([0.1, 0.2, 0.3])))
