# source: https://github.com/frohrhofer/PINN_introduction/blob/b01b58e9a06356d944027cb02a9845fcdcc5bbbe/heat_equation.ipynb
# reported: An introductory PINN for the 1D heat equation gets u_t and u_xx with two nested tapes that both watch the collocation tensor X_col; the inner batch_jacobian is taken inside the outer with-block and the outer batch_jacobian after it, and the partial derivatives are read off by indexing U_d[:, 0, 1] and U_dd[:, 0, 0, 0].
# observed (TF 2.21): both batch_jacobian calls return non-zero tensors and the weight gradient of the training step is real.
import numpy as np
import tensorflow as tf


class NeuralNetwork(tf.keras.Model):
    def __init__(self, n_hidden=4, n_neurons=50, activation='tanh'):
        super().__init__()
        self.hidden = [tf.keras.layers.Dense(n_neurons, activation=activation) for _ in range(n_hidden)]
        self.out = tf.keras.layers.Dense(1)

    def call(self, X):
        Z = X
        for layer in self.hidden:
            Z = layer(Z)
        return self.out(Z)


PINN = NeuralNetwork(n_hidden=2, n_neurons=16, activation='tanh')


def get_loss_F(X_col):

    # tape forward propergation to retrieve gradients
    with tf.GradientTape() as t:
        t.watch(X_col)
        with tf.GradientTape() as tt:
            tt.watch(X_col)
            U = PINN(X_col)
        U_d = tt.batch_jacobian(U, X_col)
    U_dd = t.batch_jacobian(U_d, X_col)

    # U_d shape: (n_col, u_i, dx_i)
    u_t = U_d[:, 0, 1]
    # U_dd shape: (n_col, u_i, dx_i, dx_j)
    u_xx = U_dd[:, 0, 0, 0]

    # PDE: u_t - u_xx = 0
    F = u_t - u_xx
    return tf.reduce_mean(tf.square(F))


def f(x):
    return tf.sin(np.pi * x)


def get_loss_IC(X_IC):
    U = PINN(X_IC)
    return tf.reduce_mean(tf.square(U - f(X_IC[:, 0:1])))


def get_loss_BC(X_BC):
    U = PINN(X_BC)
    return tf.reduce_mean(tf.square(U))


optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)


def train_step(X_col, X_IC, X_BC):
    with tf.GradientTape() as tape:
        loss_F = get_loss_F(X_col)
        loss_IC = get_loss_IC(X_IC)
        loss_BC = get_loss_BC(X_BC)
        loss = loss_F + loss_IC + loss_BC
    gradients = tape.gradient(loss, PINN.trainable_variables)
    optimizer.apply_gradients(zip(gradients, PINN.trainable_variables))
    return loss


# collocation points (x, t) in [0, 1] x [0, 0.5]
n_col, n_ic, n_bc = 32, 8, 8
X_col = tf.random.uniform((n_col, 2)) * tf.constant([1.0, 0.5])
x_ic = tf.random.uniform((n_ic, 1))
X_IC = tf.concat([x_ic, tf.zeros_like(x_ic)], axis=1)
t_bc = tf.random.uniform((n_bc, 1)) * 0.5
X_BC = tf.concat([tf.round(tf.random.uniform((n_bc, 1))), t_bc], axis=1)

for epoch in range(2):
    print(float(train_step(X_col, X_IC, X_BC)))
