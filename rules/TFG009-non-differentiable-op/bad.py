# Quantizing with tf.round: the op has no registered gradient, so nothing flows
# back through it and the gradient with respect to x is None.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    levels = tf.round(4.0 * x) / 4.0
    loss = tf.reduce_sum((levels - 0.3) ** 2)
grad = tape.gradient(loss, x)  # expect: TFG009

print("dloss/dx:", grad)
