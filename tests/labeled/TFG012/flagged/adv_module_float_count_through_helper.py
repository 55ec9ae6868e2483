# PINN collocation: N = 1e3 at module level, passed to a helper that builds tf.ones([n, 1]).
import tensorflow as tf

N = 1e3


def boundary_points(n, value):
    return value * tf.ones([n, 1])  # expect: TFG012


net = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(8, activation="tanh"),
                           tf.keras.layers.Dense(1)])
xb = boundary_points(N, 1.0)
with tf.GradientTape() as tape:
    tape.watch(xb)
    u = net(xb)
print(tape.gradient(u, xb))
