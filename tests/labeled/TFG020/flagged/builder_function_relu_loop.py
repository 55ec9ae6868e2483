# A PINN built by a helper that adds ReLU layers in a loop; u(x, t) takes the joined inputs
# and the persistent tape gives u_xx, which is zero for the piecewise-linear network.
import tensorflow as tf


def init_model(num_hidden=3, width=16):
    model = tf.keras.Sequential()
    model.add(tf.keras.Input((2,)))
    for _ in range(num_hidden):
        model.add(tf.keras.layers.Dense(width, activation="relu"))
    model.add(tf.keras.layers.Dense(1))
    return model


model = init_model()
x = tf.constant([[0.2], [0.5]])
t = tf.constant([[0.1], [0.3]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    tape.watch(t)
    u = model(tf.concat([x, t], 1))
    u_x = tape.gradient(u, x)
u_xx = tape.gradient(u_x, x)  # expect: TFG020
print(u_xx)
