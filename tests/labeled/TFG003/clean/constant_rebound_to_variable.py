# A constant initial guess rebound to a trainable variable before the tape.
import tensorflow as tf

theta = tf.constant([0.1, 0.2])
theta = tf.Variable(theta)
with tf.GradientTape() as tape:
    f = tf.reduce_sum(tf.cos(theta))
print(tape.gradient(f, theta))
