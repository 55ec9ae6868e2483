# Correctly left alone: tf.stack of int ranges, cast to float32 then watched.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

grid = tf.stack([tf.range(3), tf.range(3, 6)], axis=1)
pts = tf.cast(grid, tf.float32)
with tf.GradientTape() as tape:
    tape.watch(pts)
    energy = tf.reduce_sum(pts ** 2)
g = tape.gradient(energy, pts)
