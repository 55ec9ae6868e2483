# refused: TensorFlow's own file API.
import tensorflow as tf

x = tf.constant([float(tf.io.write_file("/tmp/tflint-grad-hostile-canary", "pwned") is None)])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
