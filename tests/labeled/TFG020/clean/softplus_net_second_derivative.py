# The same second derivative through a softplus network: smooth, so u_xx is a real value.
import tensorflow as tf

net = tf.keras.Sequential()
net.add(tf.keras.Input((1,)))
for width in (8, 8):
    net.add(tf.keras.layers.Dense(width, activation="softplus"))
net.add(tf.keras.layers.Dense(1))
x = tf.constant([[0.2], [0.5]])
with tf.GradientTape() as outer:
    outer.watch(x)
    with tf.GradientTape() as inner:
        inner.watch(x)
        u = net(x)
    u_x = inner.gradient(u, x)
u_xx = outer.gradient(u_x, x)
print(u_xx)
