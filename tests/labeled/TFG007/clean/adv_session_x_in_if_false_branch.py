# The op on the eager tensor is in a branch that does not run.
import tensorflow as tf

USE_EAGER_INPUT = False
x = tf.constant([1.0, 2.0])
with tf.compat.v1.Session() as sess:
    if USE_EAGER_INPUT:
        y = x * 2.0
    else:
        y = tf.constant([1.0, 2.0]) * 2.0
    print(sess.run(y))
    probe = tf.constant(3.0)
    print(sess.run(tf.gradients(probe * probe, probe)))
