# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

ws = [tf.Variable(1.0), tf.Variable(2.0), tf.Variable(3.0)]
w0 = ws[0]
head = ws[:2]
with tf.GradientTape() as tape:
    loss = tf.add_n([v * v for v in head])
g = tape.gradient(loss, w0)
