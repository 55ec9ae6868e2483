# Gradients computed eagerly in a function, then fetched together through sess.run.
import tensorflow as tf
from tensorflow.compat.v1 import Session

a = tf.Variable(1.0)
b = tf.Variable(2.0)


def compute():
    with tf.GradientTape() as tape:
        f = a * b + b ** 2
    return tape.gradient(f, [a, b])


grads = compute()
with Session() as sess:
    ga, gb = sess.run(grads)  # expect: TFG007
print(ga, gb)
