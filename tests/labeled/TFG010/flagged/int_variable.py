# Counts stored in an integer variable: no gradient, silently.
import tensorflow as tf

counts = tf.Variable([1, 2, 3])
with tf.GradientTape() as tape:
    energy = tf.reduce_sum(tf.cast(counts, tf.float32) ** 2)
d = tape.gradient(energy, counts)  # expect: TFG010
print(d)
