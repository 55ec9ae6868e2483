# uint8 image cast to float32 before it becomes the tf.Variable that is optimised.
import numpy as np
import tensorflow as tf


def as_trainable(X):
    return tf.Variable(X.astype(np.float32) / 255.0)


img = as_trainable((np.random.rand(1, 4) * 255).astype(np.uint8))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(img ** 2)
print(tape.gradient(loss, img).numpy())
