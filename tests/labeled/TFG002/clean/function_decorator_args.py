# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
import tensorflow as tf


@tf.function(reduce_retracing=True)
def grad(x):
    y = x * x
    return tf.gradients(y, x)[0]


g = grad(tf.constant(3.0))
