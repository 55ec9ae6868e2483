# Ask a non-persistent tape once, for all sources together.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    u = tf.tanh(2.0 * x - t)
u_x, u_t = tape.gradient(u, [x, t])

print("du/dx:", u_x.numpy().ravel())
print("du/dt:", u_t.numpy().ravel())
