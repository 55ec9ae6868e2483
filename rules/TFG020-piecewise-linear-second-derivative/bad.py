# A physics-informed network for u(x, t) with ReLU hidden layers: the heat-equation residual
# needs u_xx, which is zero everywhere for a piecewise-linear network.
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((2,)),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(16, activation="relu"),
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
u_xx = tape.gradient(u_x, x)  # expect: TFG020
print("residual u_t - u_xx:", (u_t - u_xx).numpy().ravel())
