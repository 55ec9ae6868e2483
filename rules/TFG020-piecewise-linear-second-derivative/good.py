# The same network with tanh hidden layers: u_xx is a real second derivative.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([
    tf.keras.Input((2,)),
    tf.keras.layers.Dense(16, activation="tanh"),
    tf.keras.layers.Dense(16, activation="tanh"),
    tf.keras.layers.Dense(1),
])
x = tf.constant([[0.2], [0.5], [0.8]])
t = tf.constant([[0.1], [0.3], [0.6]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    tape.watch(t)
    u = model(tf.concat([x, t], 1))
    u_x = tape.gradient(u, x)
u_t = tape.gradient(u, t)
u_xx = tape.gradient(u_x, x)
print("residual u_t - u_xx:", (u_t - u_xx).numpy().ravel())
