# tf.constant(x) of an eager tensor inside the block: its value becomes a graph constant.
import tensorflow as tf

x = tf.constant([1.0, 2.0])
with tf.compat.v1.Session() as sess:
    xc = tf.constant(x)
    print(sess.run(xc * 2.0))
    probe = tf.constant(3.0)
    print(sess.run(tf.gradients(probe * probe, probe)))
