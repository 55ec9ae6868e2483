# A meta-learning step writes the adapted weights into a variable with assign and computes
# the outer loss from that variable: the tape records no gradient through an assign.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
w = tf.Variable([[0.5]])
fast_w = tf.Variable([[0.0]])
with tf.GradientTape() as tape:
    inner_loss = tf.reduce_mean((x @ w - x) ** 2)
    fast_w.assign(w - 0.1 * inner_loss)
    outer_loss = tf.reduce_mean(tf.tanh(x @ fast_w))
dw = tape.gradient(outer_loss, w)  # expect: TFG014
print("d outer / dw:", dw)
