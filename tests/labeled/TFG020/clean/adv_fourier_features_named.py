# Fourier-feature PINN: the input features [x, sin(pi x), cos(pi x)] are built by concat and
# named before the ReLU network; u is smooth in x, so u_xx is not zero.
import math

import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1)])
x = tf.constant([[0.2], [0.5], [0.8]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    features = tf.concat([x, tf.sin(math.pi * x), tf.cos(math.pi * x)], axis=1)
    u = model(features)
    u_x = tape.gradient(u, x)
u_xx = tape.gradient(u_x, x)
print("u_xx:", u_xx.numpy().ravel())
