# Per-step losses kept in a Python list inside the tape; indexing the list afterwards is
# not a TensorFlow op, so the recorded loss is still connected.
import tensorflow as tf

w = tf.Variable(1.0)
with tf.GradientTape() as tape:
    losses = []
    for k in range(3):
        losses.append((w * k - 1.0) ** 2)
final = losses[-1]
print(tape.gradient(final, w))
