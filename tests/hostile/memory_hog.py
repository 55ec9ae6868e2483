# contained: asks for 160 GB; the worker's memory cap makes it fail, the parent carries on.
import tensorflow as tf

x = tf.ones([200000, 200000])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
g = tape.gradient(y, x)  # flagged
