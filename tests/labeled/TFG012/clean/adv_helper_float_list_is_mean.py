# The helper's second parameter is a per-unit mean, which may well hold floats; the shape it
# hands to tf.random.normal is the integer list, so the weight is built and differentiated.
# Attacks: TFG012 through a helper — the float list goes to a parameter that is not the shape.
import tensorflow as tf


def w(shape, mean):
    return tf.Variable(tf.random.normal(shape, mean=mean, stddev=0.01))


n = 6
kernel = w([2, 3], [n / 4, 0.0, -n / 4])
x = tf.random.normal((5, 2))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(x @ kernel))
print(tape.gradient(loss, kernel).shape)
