# source: https://scicomp.stackexchange.com/questions/42791/problems-solving-2d-heat-equation-using-physics-informed-neural-networks
# reported: A PINN for the 2D heat equation u_t = alpha * (u_xx + u_yy) (inputs x, y, t; 7 hidden layers of 20 neurons with ReLU activation) trains with a decreasing loss, but the predicted temperature field makes no sense.
# observed (TF 2.21): tape.gradient returns all zeros at lines 39 and 40 (u_xx and u_yy of a ReLU network), so the residual reduces to u_t; the first derivatives at lines 36-38 and the weight gradient at line 57 have values
import numpy as np
import tensorflow as tf

num_points = 64  # randomly sampled points for IC and BC
collocation_points = 128
alpha = 15.0  # thermal diffusivity
rng = np.random.default_rng(0)

x_range, y_range, t_range = rng.random(num_points), rng.random(num_points), rng.random(num_points)
zeros, ones = np.zeros(num_points), np.ones(num_points)
bc_top = np.vstack([x_range, ones, t_range, ones * 100]).T     # u(x, y=1, t) = 100
bc_right = np.vstack([ones, y_range, t_range, zeros]).T        # u(x=1, y, t) = 0
ic = np.vstack([x_range, y_range, zeros, zeros]).T             # u(x, y, t=0) = 0
ibc = np.vstack([bc_top, bc_right, ic]).astype("float32")


def build_model():
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(3,)))
    for _ in range(7):
        model.add(tf.keras.layers.Dense(20, activation="relu"))
    model.add(tf.keras.layers.Dense(1))
    return model


model = build_model()


def pde_residual(x, y, t):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([x, y, t])
        u = model(tf.concat([x, y, t], axis=1))
        u_t = tape.gradient(u, t)
        u_x = tape.gradient(u, x)
        u_y = tape.gradient(u, y)
    u_xx = tape.gradient(u_x, x)  # expect: TFG020
    u_yy = tape.gradient(u_y, y)  # expect: TFG020
    del tape
    return u_t - alpha * (u_xx + u_yy), u_xx


optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
x_f = tf.constant(rng.random((collocation_points, 1)), dtype=tf.float32)
y_f = tf.constant(rng.random((collocation_points, 1)), dtype=tf.float32)
t_f = tf.constant(rng.random((collocation_points, 1)), dtype=tf.float32)
X_ibc, u_ibc = tf.constant(ibc[:, :3]), tf.constant(ibc[:, 3:4])

for epoch in range(2):
    with tf.GradientTape() as train_tape:
        f, u_xx = pde_residual(x_f, y_f, t_f)
        loss_pde = tf.reduce_mean(tf.square(f))
        loss_ibc = tf.reduce_mean(tf.square(model(X_ibc) - u_ibc))
        loss = loss_pde + loss_ibc
    grads = train_tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    print(f"epoch {epoch}: loss {float(loss):.3f}, max |u_xx| = {float(tf.reduce_max(tf.abs(u_xx)))}")
