# Aliased tape; x and t are watched, then stacked inside the tape, then d/dx and d/dt.
import tensorflow as tf
from tensorflow import GradientTape as GT

W = tf.Variable(tf.random.normal([2, 1]))
x = tf.linspace(0.0, 1.0, 5)
t = tf.linspace(0.0, 0.2, 5)
with GT(persistent=True) as g:
    g.watch(x)
    g.watch(t)
    inputs = tf.stack([x, t], axis=1)
    u = tf.tanh(tf.matmul(inputs, W))
u_x = g.gradient(u, x)
u_t = g.gradient(u, t)
print(u_x, u_t)
