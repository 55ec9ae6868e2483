# tf.gradients inside a function that is turned into a graph function by assignment.
import tensorflow as tf

w = tf.Variable(tf.ones([2]))


def step(x):
    loss = tf.reduce_sum((w * x) ** 2)
    (g,) = tf.gradients(loss, [w])
    w.assign_sub(0.01 * g)
    return loss


step = tf.function(step)
print(step(tf.constant([1.0, 2.0])))
