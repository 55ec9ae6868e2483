# contained: a Python-level memory hog.
import tensorflow as tf

big = [0.0] * (10 ** 11)
x = tf.constant([big[0]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
g = tape.gradient(y, x)  # flagged
