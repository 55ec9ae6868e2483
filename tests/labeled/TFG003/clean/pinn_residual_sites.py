# Correctly left alone: a PINN residual helper called with interior (watched inside) and boundary points,
# created by different constructors. TensorFlow 2.21 returns real gradients. (every gradient is real)
import keras
import tensorflow as tf

net = keras.Sequential([keras.layers.Dense(8, activation="tanh"), keras.layers.Dense(1)])


def residual(x, t):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        tape.watch(t)
        u = net(tf.concat([x, t], 1))
        u_x = tape.gradient(u, x)
    u_t = tape.gradient(u, t)
    u_xx = tape.gradient(u_x, x)
    del tape
    return u_t - 0.01 * u_xx


x_in = tf.random.uniform((16, 1))
t_in = tf.random.uniform((16, 1))
x_b = tf.zeros((4, 1))
t_b = tf.linspace(0.0, 1.0, 4)[:, None]
with tf.GradientTape() as outer:
    loss = tf.reduce_mean(residual(x_in, t_in) ** 2) + tf.reduce_mean(residual(x_b, t_b) ** 2)
    loss += tf.reduce_mean(net(tf.concat([x_b, t_b], 1)) ** 2)
grads = outer.gradient(loss, net.trainable_variables)
