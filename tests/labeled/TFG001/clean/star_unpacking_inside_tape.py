# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

X = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
with tf.GradientTape() as tape:
    tape.watch(X)
    first, *rest = tf.unstack(X)
    y = tf.reduce_sum(first * 2.0) + tf.reduce_sum(tf.stack(rest))
g = tape.gradient(y, X)
