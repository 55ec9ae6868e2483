# Make the target use the source (here a travelling wave in x - t); if a zero
# derivative is really meant, pass unconnected_gradients=tf.UnconnectedGradients.ZERO.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    u = tf.tanh(2.0 * (x - t))
u_t = tape.gradient(u, t)

print("du/dt:", u_t.numpy().ravel())
