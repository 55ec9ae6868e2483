# tf.zeros_like of an eager variable inside the Session block.
import tensorflow as tf

v = tf.Variable([1.0, 2.0])
with tf.compat.v1.Session() as sess:
    z = tf.zeros_like(v)
    print(sess.run(z))
    probe = tf.constant(3.0)
    print(sess.run(tf.gradients(probe * probe, probe)))
