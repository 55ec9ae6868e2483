# The capture error is expected and handled: the code falls back to the numpy value.
import tensorflow as tf

x = tf.constant([1.0, 2.0])
with tf.compat.v1.Session() as sess:
    try:
        y = x * 2.0
    except RuntimeError:
        y = tf.constant(x.numpy()) * 2.0
    print(sess.run(y))
    probe = tf.constant(3.0)
    print(sess.run(tf.gradients(probe * probe, probe)))
