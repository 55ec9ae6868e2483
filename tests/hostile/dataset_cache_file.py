# refused: tf.data is allowed, but a dataset cached to a file writes that file.
import tensorflow as tf

ds = tf.data.Dataset.from_tensor_slices([1.0, 2.0]).cache("/tmp/tflint-grad-hostile-canary")
x = tf.constant([float(sum(1 for _ in ds))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
