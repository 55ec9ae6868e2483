# A float count (N = 100.0) passed to a helper that builds its points with tf.zeros([n, 1]).
import tensorflow as tf

N = 100.0


def pts(n):
    return tf.zeros([n, 1])  # expect: TFG012


print(pts(N))
