# Histogram-style binning with tf.math.floor inside a helper.
import tensorflow as tf


def bin_values(v, width=0.25):
    return tf.math.floor(v / width) * width


w = tf.Variable([0.3, 0.8])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(bin_values(w) ** 2)
g = tape.gradient(loss, w)  # expect: TFG009
print(g)
