# The network input X is assembled from (x, t) before the tape starts, so the tape
# only ever sees X. Asking for du/dx then finds no recorded path from x to u.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
W = tf.constant([[2.0], [1.0]])

with tf.GradientTape() as tape:
    tape.watch(x)
    X = tf.concat([x, t], axis=1)
    tape.watch(X)
    u = tf.tanh(X @ W)
u_x = tape.gradient(u, x)

print("du/dx:", u_x)
