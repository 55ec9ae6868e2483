# False positive: tflint-grad reports TFG001 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

w = tf.Variable([[1.0], [2.0]])
weights = {"dense": w}
x = tf.constant([[1.0, 1.0]])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.matmul(x, weights["dense"]) ** 2)
g = tape.gradient(loss, w)
