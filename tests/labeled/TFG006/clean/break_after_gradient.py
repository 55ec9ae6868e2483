# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    loss = w ** 2
for attempt in range(3):
    g = tape.gradient(loss, w)
    break
