# refused: replaces a TensorFlow function for every later slice in the worker.
import tensorflow as tf

tf.GradientTape.gradient = lambda *args, **kwargs: None
tf.multiply = lambda a, b: a
x = tf.constant([1.0])
with tf.GradientTape() as tape:
    y = tf.multiply(x, x)
g = tape.gradient(y, x)  # flagged
