# The grid points are written as integers, so x is int32. Gradients exist only
# for floating dtypes: the tape warns on the watch and returns None.
import tensorflow as tf

x = tf.constant([[0], [1], [2], [3]])
with tf.GradientTape() as tape:
    tape.watch(x)
    u = x * x
u_x = tape.gradient(u, x)  # expect: TFG010

print("du/dx:", u_x)
