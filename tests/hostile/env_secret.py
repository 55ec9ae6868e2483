# refused: reads a secret from the environment.
import os
import tensorflow as tf

x = tf.constant([float(len(os.environ.get("AWS_SECRET_ACCESS_KEY", "")))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
