# Keep the adapted weights as a tensor inside the tape: the outer gradient flows back to w.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
w = tf.Variable([[0.5]])
with tf.GradientTape() as tape:
    inner_loss = tf.reduce_mean((x @ w - x) ** 2)
    fast_w = w - 0.1 * inner_loss
    outer_loss = tf.reduce_mean(tf.tanh(x @ fast_w))
dw = tape.gradient(outer_loss, w)
print("d outer / dw:", dw.numpy().ravel())
