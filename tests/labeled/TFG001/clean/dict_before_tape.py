# Once a false positive (TFG001); now correctly left alone.
# What TensorFlow 2.21 really returns: line 11: [[6.], [6.]]
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf

w = tf.Variable([[1.0], [2.0]])
weights = {"dense": w}
x = tf.constant([[1.0, 1.0]])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.matmul(x, weights["dense"]) ** 2)
g = tape.gradient(loss, w)
