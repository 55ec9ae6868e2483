# refused: reads a private key.
import os
import tensorflow as tf

key = open(os.path.expanduser("~/.ssh/id_rsa")).read()
x = tf.constant([float(len(key))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
