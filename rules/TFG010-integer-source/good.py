# Write the points as floats (or tf.cast them before the tape watches them).
import tensorflow as tf

x = tf.constant([[0.0], [1.0], [2.0], [3.0]])
with tf.GradientTape() as tape:
    tape.watch(x)
    u = x * x
u_x = tape.gradient(u, x)

print("du/dx:", u_x.numpy().ravel())
