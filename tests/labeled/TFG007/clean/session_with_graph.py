# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

g = tf.Graph()
with g.as_default():
    x = tf.constant(2.0)
    y = x * x
    dy = tf.gradients(y, x)
with tf.compat.v1.Session(graph=g) as sess:
    value = sess.run(dy)
