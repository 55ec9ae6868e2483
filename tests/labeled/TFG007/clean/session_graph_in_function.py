# TF1-style graph built inside a function: tf.gradients and Session.run on a private
# graph are legal.
import tensorflow as tf


def graph_gradient(value):
    graph = tf.Graph()
    with graph.as_default():
        x = tf.constant(value)
        y = x * x * x
        (dy,) = tf.compat.v1.gradients(y, [x])
        with tf.compat.v1.Session(graph=graph) as sess:
            return sess.run(dy)


print(graph_gradient(2.0))
