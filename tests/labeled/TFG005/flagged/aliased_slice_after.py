# PINN second derivative with aliased tape class: the slice u_x = g[:, 0:1] is taken
# after the outer tape stopped recording.
import tensorflow as tf
from tensorflow import GradientTape

net = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(8, activation="tanh"),
                           tf.keras.layers.Dense(1)])
X = tf.random.uniform([6, 2])

with GradientTape() as outer:
    outer.watch(X)
    with GradientTape() as inner:
        inner.watch(X)
        u = net(X)
    g = inner.gradient(u, X)
u_x = g[:, 0:1]
u_xx = outer.gradient(u_x, X)  # expect: TFG005
print(u_xx)
