# tf.sign inside an L1 penalty added to a smooth loss: the smooth path still carries gradient.
import tensorflow as tf

w = tf.Variable([0.5, -0.25])
with tf.GradientTape() as tape:
    penalty = tf.reduce_sum(tf.sign(w) * w)
    loss = tf.reduce_sum(w ** 2) + 0.1 * penalty
print(tape.gradient(loss, w))
