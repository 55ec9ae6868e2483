# Once a false positive (TFG002); now correctly left alone.
# What TensorFlow 2.21 really returns: line 10: 2.; line 19: tf.gradients (traced, symbolic) -> grad(3.0) returns 6.0
# (runs without error; every gradient is real, non-None and non-zero)
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
