# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf

weights = {"w": tf.Variable(2.0)}


def get_weight(name):
    return weights[name]


w = weights["w"]
v = get_weight("w")  # the very same Variable object, no op
with tf.GradientTape() as tape:
    loss = v * v
g = tape.gradient(loss, w)
