# Once a false positive (it reported TFG001 on line 13 ('b = parts[1]' taken as a step before the tape)); now correctly left alone.
# What TensorFlow 2.21 really returns: [3, 3], [1, 1] -- tf.unstack gives a Python list, indexing it is no op,
# so a and b are the watched tensors themselves. (runs without error; every gradient is real and non-zero)
import tensorflow as tf

X = tf.constant([[1.0, 2.0], [3.0, 4.0]])
parts = tf.unstack(X)  # a Python list of two tensors
a = parts[0]
b = parts[1]
with tf.GradientTape() as tape:
    tape.watch(parts)
    y = tf.reduce_sum(a * 3.0 + b)
g = tape.gradient(y, parts)
