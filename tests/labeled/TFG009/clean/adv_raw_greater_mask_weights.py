# A hinge-style mask from tf.raw_ops.Greater selects which residuals count; the residuals
# themselves keep their gradient, so the mask is only a multiplier.
# Attacks: tf.raw_ops.Greater is an op without gradient (TFG009), off the differentiable path.
import tensorflow as tf

w = tf.Variable([1.0, -0.5, 2.0])
x = tf.constant([0.5, 1.5, -1.0])
with tf.GradientTape() as tape:
    r = w * x
    mask = tf.cast(tf.raw_ops.Greater(x=r, y=tf.constant(0.0)), tf.float32)
    loss = tf.reduce_sum(mask * tf.square(r))
print(tape.gradient(loss, w).numpy())
