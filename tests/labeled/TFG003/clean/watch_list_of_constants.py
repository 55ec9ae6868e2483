# Two plain tensors watched in one call with a list, then both partials at once.
import numpy as np
import tensorflow as tf

a = tf.convert_to_tensor(np.array([1.0, 2.0], dtype=np.float32))
b = tf.constant([0.5, 0.25])
with tf.GradientTape() as tape:
    tape.watch([a, b])
    f = tf.reduce_sum(a * b + a ** 2)
da, db = tape.gradient(f, [a, b])
print(da.numpy(), db.numpy())
