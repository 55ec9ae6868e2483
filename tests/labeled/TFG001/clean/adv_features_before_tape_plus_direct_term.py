# Features appended before the tape reach the loss, but x also enters directly inside the tape: dx exists.
import tensorflow as tf

x = tf.constant([[1.0], [2.0]])
features = []
features.append(tf.sin(x))
features.append(tf.cos(x))
with tf.GradientTape() as tape:
    tape.watch(x)
    loss = tf.reduce_sum(tf.add_n(features)) + tf.reduce_sum(x ** 2)
print(tape.gradient(loss, x))
