# In eager code, record the computation on a GradientTape and ask the tape.
import tensorflow as tf

x = tf.constant([[0.5], [1.0], [1.5]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(tf.tanh(2.0 * x))
dy_dx = tape.gradient(y, x)

print("dy/dx:", dy_dx.numpy().ravel())
