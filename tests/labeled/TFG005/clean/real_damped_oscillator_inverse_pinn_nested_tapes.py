# source: https://z.id.vn/?p=539035 (mirror of the Stack Overflow question "Train a PINN to invert for unknown parameters")
# reported: A PINN for the damped oscillator should also learn the friction parameter mu from noisy observations; the loss takes x'' with an outer tape and an inner tape that both watch t (dx_dt inside the outer block, d2x_dt2 after it), and the training routine optimises the network weights together with the tf.Variable mu. The user's complaint is that mu does not converge to the true value, not that a gradient is missing.
# observed (TF 2.21): dx_dt, d2x_dt2 and the gradients w.r.t. the weights and w.r.t. mu are all tensors.
import numpy as np
import tensorflow as tf


def damped_oscillator(x, dx_dt, m, mu, k):
    # m x'' + mu x' + k x = 0  ->  x'' = -(mu x' + k x) / m
    return -(mu * dx_dt + k * x) / m


# Implementation of oscillator system for NN
def oscillator_system_data_loss(t, net, func, params, mu, bc, t_data, u_data, lambda1):
    t = t.reshape(-1, 1)
    t = tf.constant(t, dtype=tf.float32)
    t_0 = tf.zeros((1, 1))

    # Nested loop for 2nd derivative
    with tf.GradientTape() as outer_tape:
        outer_tape.watch(t)

        with tf.GradientTape() as inner_tape:
            inner_tape.watch(t)
            x = net(t)

        dx_dt = inner_tape.gradient(x, t)  # 1st derivative

    d2x_dt2 = outer_tape.gradient(dx_dt, t)  # 2nd derivative

    # Boundary loss
    bc_loss_1 = tf.square(net(t_0) - bc[0])
    bc_loss_2 = tf.square(dx_dt[0] - bc[1])

    # Learnable parameter mu passed to ODE
    ode_loss = d2x_dt2 - func(x, dx_dt, params[0], mu, params[2])

    # Data loss with hyperparameter lambda1
    data_loss = u_data - net(t_data)

    square_loss = tf.square(ode_loss) + lambda1*tf.square(data_loss) + bc_loss_1 + bc_loss_2
    total_loss = tf.reduce_mean(square_loss)

    return total_loss, mu


# Training routine with data loss
def train_NN_data_loss(epochs, optm, NN, func, bc, lambda1, train_t, data_t, data_u_noised, params):
    train_loss_record = []
    mu = tf.Variable(0.5, trainable=True, dtype=tf.float32)
    for itr in range(epochs):
        with tf.GradientTape() as tape:
            train_loss, mu = oscillator_system_data_loss(train_t, NN, func, params, mu, bc,
                                                         data_t, data_u_noised, lambda1)
            train_loss_record.append(train_loss)
        grad_w = tape.gradient(train_loss, NN.trainable_variables + [mu])
        optm.apply_gradients(zip(grad_w, NN.trainable_variables + [mu]))
        print(itr, float(train_loss), float(mu.numpy()))
    return train_loss_record, mu


NN = tf.keras.models.Sequential([
    tf.keras.layers.Input((1,)),
    tf.keras.layers.Dense(units=16, activation='tanh'),
    tf.keras.layers.Dense(units=16, activation='tanh'),
    tf.keras.layers.Dense(units=1)
])
optm = tf.keras.optimizers.Adam(learning_rate=0.001)

params = [1.0, 0.4, 4.0]  # m, mu (true), k
bc = [1.0, 0.0]           # x(0), x'(0)
train_t = np.linspace(0, 5, 16)
data_t = tf.constant(np.linspace(0, 5, 16).reshape(-1, 1), dtype=tf.float32)
w = np.sqrt(params[2] / params[0] - (params[1] / (2 * params[0]))**2)
data_u = np.exp(-params[1] / (2 * params[0]) * data_t.numpy()) * np.cos(w * data_t.numpy())
data_u_noised = tf.constant(data_u + 0.01 * np.random.default_rng(0).standard_normal(data_u.shape), dtype=tf.float32)

train_NN_data_loss(2, optm, NN, damped_oscillator, bc, 1.0, train_t, data_t, data_u_noised, params)
