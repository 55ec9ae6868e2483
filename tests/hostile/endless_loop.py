# contained: spins forever before the gradient; the parent's time limit kills it.
import tensorflow as tf

x = tf.constant([1.0, 2.0])
n = 0
while True:
    n = n + 1
with tf.GradientTape() as tape:
    y = x * x * n
g = tape.gradient(y, x)  # flagged
