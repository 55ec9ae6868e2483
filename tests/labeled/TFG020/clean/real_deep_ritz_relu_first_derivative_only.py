# source: https://arxiv.org/html/2512.11184v2
# reported: "On the failure of ReLU activation for physics-informed machine learning": the Deep Ritz method for the 1D elliptic problem d/dx(kappa(x) u_x) + b(x) = 0, u(0) = u(1) = 0, uses only first derivatives of the network in its energy, yet a ReLU network still fails to recover the solution; the paper traces it to the second derivatives taken while training (the weight gradient of a loss containing u_x).
# observed (TF 2.21): runs clean: u_x of the ReLU network at line 37 and the weight gradient of the energy at line 45 (which differentiates u_x once more, with respect to the weights) both return values
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)


def kappa(x):
    return 1.0 + x


def b(x):
    return tf.ones_like(x)


def make_network(width=32):
    network = tf.keras.Sequential()
    network.add(tf.keras.Input(shape=(1,)))
    network.add(tf.keras.layers.Dense(width, activation="relu"))
    network.add(tf.keras.layers.Dense(width, activation="relu"))
    network.add(tf.keras.layers.Dense(1))
    return network


network = make_network()
optimizer = tf.keras.optimizers.Adam(1e-3)
x_quad = tf.constant(np.linspace(0.0, 1.0, 101)[1:-1].reshape(-1, 1), dtype=tf.float32)


def ritz_energy(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        N = network(x)
        u = x * (1.0 - x) * N  # u(0) = u(1) = 0 imposed exactly
    u_x = tape.gradient(u, x)
    # E(u) = integral of 0.5 * kappa * u_x**2 - b * u over [0, 1]
    return tf.reduce_mean(0.5 * kappa(x) * tf.square(u_x) - b(x) * u)


for step in range(2):
    with tf.GradientTape() as train_tape:
        energy = ritz_energy(x_quad)
    grads = train_tape.gradient(energy, network.trainable_variables)
    optimizer.apply_gradients(zip(grads, network.trainable_variables))
    print(step, float(energy), [float(tf.reduce_max(tf.abs(g))) for g in grads])
