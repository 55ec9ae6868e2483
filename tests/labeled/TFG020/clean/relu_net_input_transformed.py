# The input goes through a sine feature map before the ReLU layers: the network is no longer
# piecewise linear in x, and u_xx is not zero.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8, activation="relu"),
                           tf.keras.layers.Dense(1)])
x = tf.constant([[0.2], [0.5]])
with tf.GradientTape() as outer:
    outer.watch(x)
    with tf.GradientTape() as inner:
        inner.watch(x)
        features = tf.sin(3.0 * x)
        u = net(features)
    u_x = inner.gradient(u, x)
u_xx = outer.gradient(u_x, x)
print(u_xx)
