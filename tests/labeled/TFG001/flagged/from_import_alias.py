# Collocation features stacked before the tape; the tape class is imported under an alias.
import tensorflow as tf
from tensorflow import GradientTape as GT

W = tf.Variable(tf.random.normal([2, 1]))

x = tf.linspace(0.0, 1.0, 6)
t = tf.linspace(0.0, 0.5, 6)
inputs = tf.stack([x, t], axis=1)

with GT() as g:
    g.watch(inputs)
    u = tf.tanh(tf.matmul(inputs, W))
u_x = g.gradient(u, x)  # expect: TFG001
print(u_x)
