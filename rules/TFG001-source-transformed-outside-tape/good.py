# Watch x and t first, then build X inside the tape: the concat is recorded,
# so the path x -> X -> u exists and du/dx can be computed.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
W = tf.constant([[2.0], [1.0]])

with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    X = tf.concat([x, t], axis=1)
    u = tf.tanh(X @ W)
u_x = tape.gradient(u, x)

print("du/dx:", u_x.numpy().ravel())
