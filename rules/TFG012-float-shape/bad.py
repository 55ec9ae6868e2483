# Shape dimensions must be integers; 5.0 is a float, and tf.ones refuses to turn
# the shape list into the int32 tensor it needs.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
offset = 0.5 * tf.ones([5.0, 1])  # expect: TFG012
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x + offset)
u_x = tape.gradient(u, x)

print("du/dx:", u_x)
