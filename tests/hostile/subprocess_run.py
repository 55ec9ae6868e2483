# refused: subprocess, imported from inside.
from subprocess import run as r
import tensorflow as tf

x = tf.constant([float(r(["touch", "/tmp/tflint-grad-hostile-canary"]).returncode)])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
