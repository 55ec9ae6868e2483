# step = tf.function(step) is the graph-mode spelling, but the debugging switch makes
# every tf.function run its body eagerly again.
import tensorflow as tf
from tensorflow import gradients

w = tf.Variable(tf.zeros([3]))


def step(x):
    loss = tf.reduce_sum((x - w) ** 2)
    g = gradients(loss, w)[0]  # expect: TFG002
    w.assign_sub(0.1 * g)
    return loss


step = tf.function(step)
tf.config.run_functions_eagerly(True)
print(step(tf.ones([3])))
