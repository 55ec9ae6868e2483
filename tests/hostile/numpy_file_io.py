# refused: numpy file I/O, directly and through a method.
import numpy as np
import tensorflow as tf

np.save("/tmp/tflint-grad-hostile-canary", np.ones(3))
x = tf.constant(np.ones(3))
x.numpy().tofile("/tmp/tflint-grad-hostile-canary")
with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
g = tape.gradient(y, x)  # flagged
