# refused: os.system through an alias.
import os as o
import tensorflow as tf

x = tf.constant([float(o.system("touch /tmp/tflint-grad-hostile-canary"))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
