# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    z = tf.stop_gradient(2.0 * x)  # a detached latent
    tape.watch(z)
    loss = tf.reduce_sum(z ** 2)
g = tape.gradient(loss, z)
