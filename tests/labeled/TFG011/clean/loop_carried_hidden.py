# Correctly left alone: a hidden state carried through a loop inside the tape (an RNN unrolled by hand).
# TensorFlow 2.21 returns real gradients for x and W. (every gradient is real and non-zero)
import tensorflow as tf

W = tf.Variable([[0.5, 0.1], [0.2, 0.4]])
x = tf.constant([[1.0, -1.0]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    h = x
    for step in range(4):
        h = tf.tanh(tf.matmul(h, W) + x)
    out = tf.reduce_sum(h)
gx = tape.gradient(out, x)
gW = tape.gradient(out, W)
del tape
