# A network with no activation at all: u_x is a constant, so its gradient finds no path.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8), tf.keras.layers.Dense(1)])
x = tf.constant([[0.2], [0.5]])
with tf.GradientTape() as outer:
    outer.watch(x)
    with tf.GradientTape() as inner:
        inner.watch(x)
        u = net(x)
    u_x = inner.gradient(u, x)
u_xx = outer.gradient(u_x, x)  # expect: TFG011
print(u_xx)
