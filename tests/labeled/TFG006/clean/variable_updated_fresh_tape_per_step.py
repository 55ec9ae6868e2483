# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

w = tf.Variable(3.0)
for step in range(3):
    with tf.GradientTape() as tape:
        loss = (w - 1.0) ** 2
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
