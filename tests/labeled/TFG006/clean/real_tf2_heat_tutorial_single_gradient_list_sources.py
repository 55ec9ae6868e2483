# source: https://github.com/sqmemory13/PDE_NeuralNet_Collection_Dev/blob/0bec0cb61288def9c38d9d6d27951c8c05116833/3.%20tf2_heat.ipynb
# reported: A "1D Heat Equation with Tensorflow 2.x" tutorial builds u(t, x) = g(x) + t x (1 - x) N(2t - 1, 2x - 1); the residual uses a default (non-persistent) inner tape that watches [t, x] and is asked once for both derivatives (u_t, u_x = tape2.gradient(u, [t, x])), and an outer tape that watches only x gives u_xx; the collocation grid comes from np.meshgrid and tf.convert_to_tensor.
# observed (TF 2.21): each tape is used for exactly one gradient call, the grid is float64 (floatx is set to float64), and every gradient is a tensor.
import numpy as np
import tensorflow as tf
import tensorflow.keras as K

K.backend.set_floatx('float64')

# Build the NN model
network = K.Sequential()
network.add(K.layers.Dense(16, 'tanh'))
network.add(K.layers.Dense(16, 'tanh'))
network.add(K.layers.Dense(1))


def initial_condition(x):
    return tf.sin(2*np.pi*x)


def solution_1d(t, x):
    return t*x*(1.0-x)*network(tf.concat([2*t-1, 2*x-1], 1)) + initial_condition(x)


def heat_equation_1d(t, x):
    alpha = 1.0/(4.0*np.pi*np.pi)
    with tf.GradientTape() as tape1:
        tape1.watch(x)
        with tf.GradientTape() as tape2:
            tape2.watch([t, x])
            u = solution_1d(t, x)
        u_t, u_x = tape2.gradient(u, [t, x])
    u_xx = tape1.gradient(u_x, x)
    return u_t - alpha*u_xx


# Evaluate the (untrained) solution at half-second intervals, as the plotting cell does
def plot_solution():
    x = np.reshape(np.linspace(0, 1, 10), (10, 1))
    for i, c in enumerate(['k', 'b', 'g', 'r']):
        t = 0.5 * i * np.ones((10, 1))
        u_network = solution_1d(t, x).numpy()
        u_exact = np.exp(-t)*np.sin(2*np.pi*x)
        print(c, float(np.abs(u_network - u_exact).max()))


def loss(t, x):
    pde_loss = tf.reduce_mean(
        tf.square(heat_equation_1d(t, x)))
    return pde_loss


def grad(t, x):
    with tf.GradientTape() as tape:
        loss_value = loss(t, x)
    return loss_value, tape.gradient(loss_value, network.trainable_variables)


def train(num_epochs=500):
    optimizer = K.optimizers.Adam(learning_rate=0.01)

    t, x = np.meshgrid(np.linspace(0, 2, 8), np.linspace(0, 1, 8))
    t = tf.convert_to_tensor(np.reshape(t, (-1, 1)))
    x = tf.convert_to_tensor(np.reshape(x, (-1, 1)))

    for epoch in range(num_epochs):
        loss_value, grads = grad(t, x)
        optimizer.apply_gradients(zip(grads, network.trainable_variables))
        if epoch % 1 == 0:
            print(f'{epoch}: loss = {loss_value}')


plot_solution()
train(num_epochs=2)
