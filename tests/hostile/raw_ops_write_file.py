# refused: tf.raw_ops maths ops run, but its file ops do not.
import tensorflow as tf

x = tf.constant([float(tf.raw_ops.WriteFile(filename="/tmp/tflint-grad-hostile-canary", contents="pwned") is None)])
with tf.GradientTape() as tape:
    y = tf.raw_ops.Square(x=x)
g = tape.gradient(y, x)  # flagged
