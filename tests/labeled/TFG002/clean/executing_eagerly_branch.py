# Once a false positive (it reported TFG002 on line 14 (tf.gradients at module level)); now correctly left alone.
# What TensorFlow 2.21 really returns: 12.0 from the tape branch; the tf.gradients branch runs only when
# tf.executing_eagerly() is False. (runs without error; every gradient is real and non-zero)
import tensorflow as tf

x = tf.constant(2.0)
if tf.executing_eagerly():
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x ** 3
    g = tape.gradient(y, x)
else:
    y = x ** 3
    g = tf.gradients(y, x)[0]
