# False positive: tflint-grad reports TFG002 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import tensorflow as tf

tf.config.run_functions_eagerly(True)  # debug a step eagerly ...
w = tf.Variable(1.0)
with tf.GradientTape() as tape:
    loss = w * w
debug_grad = tape.gradient(loss, w)
tf.config.run_functions_eagerly(False)  # ... then back to graphs


@tf.function
def grad(x):
    return tf.gradients(x * x, x)[0]


g = grad(tf.constant(3.0))
