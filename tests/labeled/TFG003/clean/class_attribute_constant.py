# Correctly left alone: a class attribute holds a physical constant used inside the tape.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf


class Heat:
    alpha = 0.1
    n_points = 12

    def points(self):
        return tf.random.uniform([self.n_points, 1])


heat = Heat()
x = heat.points()
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.exp(-Heat.alpha * x)
g = tape.gradient(u, x)
