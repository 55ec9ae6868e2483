# An image array made uint8 with astype, then turned into a tf.Variable to optimise.
import numpy as np
import tensorflow as tf

X = (np.random.rand(2, 3) * 255).astype(np.uint8)
img = tf.Variable(X)
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.cast(img, tf.float32) ** 2)
g = tape.gradient(loss, img)  # expect: TFG010
print(g)
