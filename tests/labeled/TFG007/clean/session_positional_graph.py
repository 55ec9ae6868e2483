# Once a false positive (TFG007); now correctly left alone.
# What TensorFlow 2.21 really returns: tf.gradients runs in the traced graph; sess.run gives value == 6.0
# (runs without error; every gradient is real, non-None and non-zero)
import tensorflow as tf


@tf.function
def f():
    x = tf.constant(3.0)
    return tf.gradients(x * x, x)[0]


cf = f.get_concrete_function()
sess = tf.compat.v1.Session("", cf.graph)  # the graph passed positionally
value = sess.run(cf.outputs[0])
sess.close()
