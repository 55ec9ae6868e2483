# Watching x before using it makes the tape record every operation on it.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x)
u_x = tape.gradient(u, x)

print("du/dx:", u_x.numpy().ravel())
