# Fix the gradient that was None (watch x); the arithmetic after it then works.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x)
u_x = tape.gradient(u, x)
residual = u_x - (1.0 - u ** 2) * 2.0

print("du/dx:", u_x.numpy().ravel())
print("residual:", residual.numpy().ravel())
