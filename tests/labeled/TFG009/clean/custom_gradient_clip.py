# Correctly left alone: a tf.custom_gradient function with float()/round inside its forward pass still
# has its own gradient. TensorFlow 2.21 returns the clipped upstream gradient. (every gradient is real)
import tensorflow as tf


@tf.custom_gradient
def quantize(x):
    y = tf.round(x * 4.0) / 4.0

    def grad(dy):
        return tf.clip_by_value(dy, -1.0, 1.0)
    return y, grad


w = tf.Variable([0.3, 0.7])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(quantize(w) * 3.0)
g = tape.gradient(loss, w)
