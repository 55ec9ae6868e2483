# tf.gradients builds gradient ops in a graph; a TF2 script runs eagerly at module
# level, where there is no graph to build them in.
import tensorflow as tf

x = tf.constant([[0.5], [1.0], [1.5]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(tf.tanh(2.0 * x))
dy_dx = [tape.gradient(y, x)]

print("dy/dx:", dy_dx)
