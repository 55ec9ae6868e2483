# refused: writes a file outside the worker's directory.
import tensorflow as tf

x = tf.constant([1.0])
with open("/tmp/tflint-grad-hostile-canary", "w") as f:
    f.write("pwned")
    x = x * 2.0
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
