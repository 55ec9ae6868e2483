# refused: tf.data is allowed, but its record writers and file datasets are not.
import tensorflow as tf

writer = tf.data.experimental.TFRecordWriter("/tmp/tflint-grad-hostile-canary")
writer.write(tf.data.Dataset.from_tensor_slices([b"pwned"]))
x = tf.constant([float(writer is not None)])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
