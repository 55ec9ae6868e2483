# An integer grid cast to float32 before watching: the watched tensor is floating.
import tensorflow as tf

grid = tf.cast(tf.range(0, 5), tf.float32)
with tf.GradientTape() as tape:
    tape.watch(grid)
    u = tf.exp(-grid)
du = tape.gradient(u, grid)
print(du)
