# N = 1e3 turned into int before it reaches the shape through a helper.
import tensorflow as tf

N = 1e3


def pts(n):
    return tf.ones([int(n), 1])


x = pts(N)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(x ** 2)
print(tape.gradient(y, x).shape)
