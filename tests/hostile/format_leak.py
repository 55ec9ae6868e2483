# refused: a format string that reads attributes.
import tensorflow as tf

def f():
    return 1.0

leak = "{0.__globals__}".format(f)
x = tf.constant([float(len(leak))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
