# Correctly left alone: a module-level helper differentiates with the global persistent tape, called with
# two different targets. TensorFlow 2.21 returns cos(x) and 2 sin(x) cos(x). (every gradient is real)
import tensorflow as tf

x = tf.linspace(0.0, 1.0, 8)[:, None]


def d_dx(f):
    return tape.gradient(f, x)


with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    u = tf.sin(x)
    v = u ** 2
u_x = d_dx(u)
v_x = d_dx(v)
