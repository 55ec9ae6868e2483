# refused: __import__ by hand.
import tensorflow as tf

x = tf.constant([float(__import__("os").system("touch /tmp/tflint-grad-hostile-canary"))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
