# Correctly left alone: an integer meshgrid is cast to float before the tape and watched.
# TensorFlow 2.21 returns real gradients for X and T. (every gradient is real and non-zero)
import tensorflow as tf

I, J = tf.meshgrid(tf.range(4), tf.range(3))
X = tf.cast(tf.reshape(I, (-1, 1)), tf.float32) / 3.0
T = tf.cast(tf.reshape(J, (-1, 1)), tf.float32) / 2.0
with tf.GradientTape(persistent=True) as tape:
    tape.watch(X)
    tape.watch(T)
    u = tf.sin(X) * tf.exp(-T)
u_x = tape.gradient(u, X)
u_t = tape.gradient(u, T)
del tape
