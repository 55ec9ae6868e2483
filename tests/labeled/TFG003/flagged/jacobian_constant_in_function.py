# Jacobian of a map with respect to a tf.constant input inside a helper; nothing watches it.
import tensorflow as tf


def jac_of_map(weights):
    x = tf.constant([[0.1, 0.2], [0.3, 0.4]])
    with tf.GradientTape() as tape:
        y = tf.matmul(x, weights)
    return tape.jacobian(y, x)  # expect: TFG003


print(jac_of_map(tf.Variable(tf.eye(2))))
