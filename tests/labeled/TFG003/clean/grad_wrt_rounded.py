# Once a false positive (TFG003); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: [0.4, 1.6]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

h = tf.constant([0.4, 1.6])
with tf.GradientTape() as tape:
    tape.watch(h)
    q = tf.round(h)  # quantized activations: output of a recorded op on a watched input
    loss = tf.reduce_sum(q * h)
dq = tape.gradient(loss, q)  # the upstream gradient for a straight-through estimator
