# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    if (loss := w * w) > 1.0:
        print("large loss")
g = tape.gradient(loss, w)
