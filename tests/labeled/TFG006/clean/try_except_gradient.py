# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    loss = w * w
try:
    g = tape.gradient(loss, w)
except RuntimeError:
    g = tf.zeros_like(w)
