# Correctly left alone: a method using tf.gradients called on an instance inside a Graph block.
# TensorFlow 2.21 builds the graph gradient 2x (symbolic). (every gradient is real)
import tensorflow as tf


class Model1:
    def grad(self, x):
        return tf.gradients(x * x, x)[0]


m = Model1()
graph = tf.Graph()
with graph.as_default():
    x = tf.constant(3.0)
    g = m.grad(x)
