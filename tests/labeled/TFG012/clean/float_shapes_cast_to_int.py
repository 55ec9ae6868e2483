# Shapes computed with division but converted back to int before use.
import numpy as np
import tensorflow as tf

data = np.random.rand(10, 3).astype("float32")
half = len(data) // 2
width = int(np.float32(4))
quarter = int(len(data) / 4)
noise = tf.random.normal([half, width])
pad = tf.zeros((quarter, 3))
w = tf.Variable(tf.ones([width, 1]))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(noise @ w) + tf.reduce_sum(pad)
print(tape.gradient(loss, w).shape)
