# TF1-style graph built inside an explicit Graph context, run in a Session of that graph.
import tensorflow as tf

g = tf.Graph()
with g.as_default():
    x = tf.constant([1.0, 2.0, 3.0])
    y = tf.reduce_sum(x ** 2)
    (dx,) = tf.gradients(y, [x])
    with tf.compat.v1.Session(graph=g) as sess:
        print(sess.run(dx))
