# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([[1.0], [2.0]])
t = tf.constant([[0.5], [0.1]])
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    X = tf.concat([x, t], 1)
    u = tf.reduce_sum(X ** 2, axis=1, keepdims=True)
g = tape.gradient(u, X)
u_x = g[:, 0:1]
