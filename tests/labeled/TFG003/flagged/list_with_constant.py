# Parameters kept in a list, but the bias is a plain tensor, not a variable.
import tensorflow as tf


def fit_step(x, y, w, b):
    with tf.GradientTape() as tape:
        pred = x * w + b
        loss = tf.reduce_mean((pred - y) ** 2)
    dw, db = tape.gradient(loss, [w, b])  # expect: TFG003
    return dw, db


w = tf.Variable(1.0)
b = tf.zeros([])
print(fit_step(tf.ones([4]), tf.ones([4]), w, b))
