# Counting activations above a threshold with a comparison; the count is used as the
# loss, so the gradient with respect to the weights is None.
import tensorflow as tf


def active_fraction(acts, threshold):
    return tf.reduce_mean(tf.cast(acts > threshold, tf.float32))


weights = tf.Variable(tf.random.normal([5]))
with tf.GradientTape() as tape:
    acts = tf.nn.sigmoid(weights * 2.0)
    sparsity = active_fraction(acts, 0.5)
g = tape.gradient(sparsity, weights)  # expect: TFG009
print(g)
