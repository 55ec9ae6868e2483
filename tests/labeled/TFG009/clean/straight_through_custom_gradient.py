# Quantization with a straight-through estimator via tf.custom_gradient: the round is
# wrapped so that its gradient is the identity.
import tensorflow as tf


@tf.custom_gradient
def ste_round(x):
    def grad(dy):
        return dy
    return tf.round(x), grad


w = tf.Variable([0.4, 1.6, -0.7])
with tf.GradientTape() as tape:
    q = ste_round(w * 2.0)
    loss = tf.reduce_sum(q ** 2)
print(tape.gradient(loss, w))
