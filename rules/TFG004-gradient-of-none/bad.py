# The gradient comes back None (x was never watched), and the next line treats
# it as a tensor: the error surfaces one line after the real mistake.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    u = tf.tanh(2.0 * x)
u_x = tape.gradient(u, x)  # expect: TFG003
residual = u_x - (1.0 - u ** 2) * 2.0  # expect: TFG004

print("residual:", residual)
