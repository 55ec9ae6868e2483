# A tape frees what it recorded after its first gradient call unless it was
# created persistent, so the second call has nothing left to work with.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    tape.watch(t)
    u = tf.tanh(2.0 * x - t)
u_x = tape.gradient(u, x)
u_t = tape.gradient(u, t)  # expect: TFG006

print("du/dx:", u_x)
print("du/dt:", u_t)
