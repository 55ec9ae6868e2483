# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

PERSIST = True
w = tf.Variable(2.0)
with tf.GradientTape(persistent=PERSIST) as tape:
    y = w ** 3
g1 = tape.gradient(y, w)
g2 = tape.jacobian(y, w)
