# Per-sample losses appended inside the tape in a loop over samples, summed with sum(): gradients exist.
import numpy as np
import tensorflow as tf

w = tf.Variable([[0.5], [-0.5]])
samples = [tf.constant(np.random.rand(1, 2).astype("float32")) for _ in range(3)]
with tf.GradientTape() as tape:
    losses = []
    for s in samples:
        losses.append(tf.reduce_sum(tf.square(s @ w)))
    total = sum(losses) / len(losses)
print(tape.gradient(total, w))
