# Correctly left alone: a helper's parameter `x` shadows the module's constant x; the helper's own tape
# watches its parameter. TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import tensorflow as tf

x = tf.constant([1.0, 2.0])


def derivative(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(tf.tanh(x))
    return tape.gradient(y, x)


d1 = derivative(x)
d2 = derivative(x * 2.0)
