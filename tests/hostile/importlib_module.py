# refused: importlib.
import importlib
import tensorflow as tf

x = tf.constant([float(importlib.import_module("os").getpid())])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
