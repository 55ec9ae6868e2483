# Everything the Session runs is created inside its block, so it lives in the Session's graph.
import tensorflow as tf

scale = 3.0
with tf.compat.v1.Session() as sess:
    x = tf.constant([1.0, 2.0])
    y = tf.reduce_sum(x * x) * scale
    g = tf.gradients(y, x)
    print(sess.run(g))
