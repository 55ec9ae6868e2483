# The graph is built first, inside its own as_default block; the Session then runs that graph.
import numpy as np
import tensorflow as tf

g = tf.Graph()
with g.as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None, 2])
    w = tf.constant([[1.0], [2.0]])
    y = tf.reduce_sum(tf.matmul(x, w) ** 2)
    dy = tf.gradients(y, x)[0]
with tf.compat.v1.Session(graph=g) as sess:
    doubled = dy * 2.0
    print(sess.run(doubled, {x: np.ones((1, 2), np.float32)}))
