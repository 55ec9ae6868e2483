# Give shapes as integers; a count computed as a float is converted with int().
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
offset = 0.5 * tf.ones([5, 1])
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x + offset)
u_x = tape.gradient(u, x)

print("du/dx:", u_x.numpy().ravel())
