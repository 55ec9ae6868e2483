# TF2 replaces "build a graph, then sess.run it" with tf.function: call it and
# read the value it returns.
import tensorflow as tf


@tf.function
def slope(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(tf.tanh(2.0 * x))
    return tape.gradient(y, x)


x = tf.constant([[0.5], [1.0], [1.5]])
print("dy/dx:", slope(x).numpy().ravel())
