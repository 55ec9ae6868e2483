# Pixel values rounded into int32 with astype become the variable: an integer source.
import numpy as np
import tensorflow as tf

X = (np.random.rand(2, 3) * 255).astype(np.int32)
img = tf.Variable(X)
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.cast(img, tf.float32) ** 2)
g = tape.gradient(loss, img)  # expect: TFG010
print(g)
