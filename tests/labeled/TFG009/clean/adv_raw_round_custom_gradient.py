# A straight-through quantizer: tf.raw_ops.Round inside a tf.custom_gradient whose gradient
# passes dy through, so training through the quantizer has real gradients.
# Attacks: tf.raw_ops.Round is an op without gradient (TFG009).
import tensorflow as tf


@tf.custom_gradient
def ste_round(x):
    def grad(dy):
        return dy
    return tf.raw_ops.Round(x=x), grad


w = tf.Variable([0.4, 1.6, -2.2])
with tf.GradientTape() as tape:
    q = ste_round(w * 3.0)
    loss = tf.reduce_sum(tf.square(q - 2.0))
print(tape.gradient(loss, w).numpy())
