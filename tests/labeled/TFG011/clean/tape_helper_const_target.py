# Once a false positive (it reported TFG011 on line 11 ('f' taken not to depend on x)); now correctly left alone.
# What TensorFlow 2.21 really returns: cos(x) and 2 sin(x) cos(x) -- every call passes a tensor computed
# from the watched x. (runs without error; every gradient is real and non-zero) With x = tf.linspace(...)[:, None]
# (a call result, not a constant) the engine stays silent.
import tensorflow as tf

x = tf.constant([[0.0], [0.5], [1.0]])


def d_dx(f):
    return tape.gradient(f, x)


with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    u = tf.sin(x)
    v = u ** 2
u_x = d_dx(u)
v_x = d_dx(v)
