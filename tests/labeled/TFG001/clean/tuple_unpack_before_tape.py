# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

pair = (tf.Variable(1.0), tf.Variable(2.0))
w, b = pair
with tf.GradientTape() as tape:
    loss = (3.0 * w + b) ** 2
gw = tape.gradient(loss, w)
