# Second derivative with nested tapes. The inner gradient is taken after the outer
# block has closed, so the outer tape never recorded how u_x depends on x.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as outer:
    outer.watch(x)
    with tf.GradientTape() as inner:
        inner.watch(x)
        u = tf.tanh(2.0 * x)
    u_x = inner.gradient(u, x)
u_xx = outer.gradient(u_x, x)

print("d2u/dx2:", u_xx)
