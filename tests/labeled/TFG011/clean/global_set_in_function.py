# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

w = tf.Variable(2.0)
loss = tf.constant(0.0)


def forward():
    global loss
    loss = w * w + 1.0


with tf.GradientTape() as tape:
    forward()
g = tape.gradient(loss, w)
