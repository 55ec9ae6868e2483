# source: https://github.com/Goodn6138/ML-AI (file PINNSz2.py)
# reported: A small PINN for the ODE dy/dx = x (5 y + 4) on [0, 1] takes its collocation grid from np.arange(0, 1, 0.002), turns it into X = tf.constant(x.reshape(-1, 1), dtype=tf.float32), watches X and differentiates the Keras model's output w.r.t. it in a cost(model, x) helper that also adds two boundary terms.
# observed (TF 2.21): the arange step is a float, so the grid is float64 and then float32, watched, and tape.gradient returns dy/dx. (The script hands cost to model.compile/model.fit, which Keras 3 cannot call with that signature; a two-step loop with the same cost runs instead.)
import tensorflow as tf
import numpy as np

model = tf.keras.Sequential([
    tf.keras.layers.Dense(10, input_shape=(1,), activation="relu"),
    tf.keras.layers.Dense(1, activation="linear")
])

x = np.arange(0, 1, 0.002)
y = 2*np.exp(2.5*x**2) - 4/5


def loss_re(dy_dx, x, y):
    return tf.square(dy_dx - x * (5 * y + 4))


def loss_bc(y_pred):
    lower_bc = tf.square(y_pred[0] - 1.23)  # Lower boundary condition at x = 0
    upper_bc = tf.square(y_pred[-1] - 23.22)  # Upper boundary condition at x = 1
    return lower_bc + upper_bc


def cost(model, x):
    X = tf.constant(x.reshape(-1, 1), dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(X)
        y = model(X)
    dy_dx = tape.gradient(y, X)

    loss_re_value = loss_re(dy_dx, X, y)
    y_pred = model(X)
    loss_bc_value = loss_bc(y_pred)

    return loss_re_value + loss_bc_value


optimizer = tf.keras.optimizers.Adam(1e-3)
for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(cost(model, x))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
