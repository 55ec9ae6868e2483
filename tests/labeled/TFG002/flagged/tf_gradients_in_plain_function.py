# A helper using tf.gradients, called from an ordinary (eager) Python function.
import tensorflow as tf


def grad_norm(loss, params):
    grads = tf.gradients(loss, params)  # expect: TFG002
    return tf.linalg.global_norm(grads)


def step(w, x):
    loss = tf.reduce_mean(tf.square(x * w))
    return grad_norm(loss, [w])


print(step(tf.Variable(0.5), tf.random.normal([8])))
