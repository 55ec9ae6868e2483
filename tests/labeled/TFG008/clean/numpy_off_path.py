# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import numpy as np
import tensorflow as tf

x = tf.constant([1.0, 2.0])
with tf.GradientTape() as tape:
    tape.watch(x)
    scale = np.sqrt(2.0)
    weights = np.linspace(0.5, 1.0, 2).astype(np.float32)
    y = tf.reduce_sum(x * scale * weights)
    report = x.numpy().mean()
g = tape.gradient(y, x)
