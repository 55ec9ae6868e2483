# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf


@tf.function
def f():
    x = tf.constant(3.0)
    return tf.gradients(x * x, x)[0]


cf = f.get_concrete_function()
with tf.compat.v1.Session("", cf.graph) as sess:  # graph passed positionally
    value = sess.run(cf.outputs[0])
