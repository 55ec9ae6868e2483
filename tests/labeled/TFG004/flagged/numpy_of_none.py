# Gradient of a loss with respect to a constant input, then .numpy() for plotting.
import tensorflow as tf

v = tf.Variable([0.5, -0.5])
inp = tf.ones([2])

with tf.GradientTape() as tape:
    out = tf.reduce_sum(tf.tanh(v * inp))
g_inp = tape.gradient(out, inp)  # expect: TFG003
values = g_inp.numpy()  # expect: TFG004
print(values)
