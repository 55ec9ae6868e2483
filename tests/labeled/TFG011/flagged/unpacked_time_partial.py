# Steady model: the network only sees x, so du/dt (t is watched) is None.
import tensorflow as tf


def partials(net, x, t):
    with tf.GradientTape() as tape:
        tape.watch(x)
        tape.watch(t)
        u = net(x)
    u_x, u_t = tape.gradient(u, [x, t])  # expect: TFG011
    return u_x, u_t


net = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(1, activation="tanh")])
print(partials(net, tf.random.uniform([3, 1]), tf.random.uniform([3, 1])))
