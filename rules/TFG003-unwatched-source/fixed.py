# x is a plain tensor, not a trainable variable, so the tape does not record
# operations on it unless told to: the gradient with respect to x is None.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x)
u_x = tape.gradient(u, x)

print("du/dx:", u_x)
