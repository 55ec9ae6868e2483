# Once a false positive (it reported TFG012 on line 10 ('size' taken as a float dimension)); now correctly left alone.
# What TensorFlow 2.21 really returns: an (8, 2) batch -- make_batch runs while size is 8; size = 0.1 comes
# later. The gradient is a real (2, 1) tensor. (runs without error; every gradient is real and non-zero)
import tensorflow as tf

size = 8


def make_batch():
    return tf.random.normal([size, 2])


w = tf.Variable([[1.0], [2.0]])
batch = make_batch()
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.matmul(batch, w) ** 2)
g = tape.gradient(loss, w)
size = 0.1  # the name is reused for a step size
w.assign_sub(size * g)
