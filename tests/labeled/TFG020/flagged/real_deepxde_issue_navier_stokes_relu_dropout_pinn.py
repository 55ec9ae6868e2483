# source: https://github.com/lululxvi/deepxde/issues/80
# reported: A PINN for the 2D incompressible Navier-Stokes equations (a network mapping (x, y) to (u, v, p), ReLU activation and dropout) does not converge; the maintainer's first advice: don't use relu, which is not second-order differentiable, use a smooth activation such as tanh, and don't use dropout.
# observed (TF 2.21): tape.gradient returns all zeros at lines 40-43 (the viscous terms u_xx, u_yy, v_xx, v_yy of a ReLU/Dropout network), so the momentum residuals lose their viscous part; the first derivatives at lines 33-38 and the weight gradient at line 61 have values
import numpy as np
import tensorflow as tf

Re = 20.0
nu = 1.0 / Re
layer_size = [2] + [32] * 3 + [3]


def build_net():
    net = tf.keras.Sequential()
    net.add(tf.keras.Input(shape=(layer_size[0],)))
    for width in layer_size[1:-1]:
        net.add(tf.keras.layers.Dense(width, activation="relu", kernel_initializer="glorot_normal"))
        net.add(tf.keras.layers.Dropout(0.01))
    net.add(tf.keras.layers.Dense(layer_size[-1]))
    return net


net = build_net()


def navier_stokes(x, y):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        tape.watch(y)
        uvp = net(tf.concat([x, y], 1))
        u = uvp[:, 0:1]
        v = uvp[:, 1:2]
        p = uvp[:, 2:3]
        u_x = tape.gradient(u, x)
        u_y = tape.gradient(u, y)
        v_x = tape.gradient(v, x)
        v_y = tape.gradient(v, y)
        p_x = tape.gradient(p, x)
        p_y = tape.gradient(p, y)
    # second derivatives for the viscous terms
    u_xx = tape.gradient(u_x, x)  # expect: TFG020
    u_yy = tape.gradient(u_y, y)  # expect: TFG020
    v_xx = tape.gradient(v_x, x)  # expect: TFG020
    v_yy = tape.gradient(v_y, y)  # expect: TFG020
    del tape

    momentum_x = u * u_x + v * u_y + p_x - nu * (u_xx + u_yy)
    momentum_y = u * v_x + v * v_y + p_y - nu * (v_xx + v_yy)
    continuity = u_x + v_y
    return momentum_x, momentum_y, continuity, u_xx


rng = np.random.default_rng(1)
x_dom = tf.constant(rng.uniform(-0.5, 1.0, (64, 1)), dtype=tf.float32)
y_dom = tf.constant(rng.uniform(-0.5, 1.5, (64, 1)), dtype=tf.float32)
optimizer = tf.keras.optimizers.Adam(1e-3)

for it in range(2):
    with tf.GradientTape() as train_tape:
        r1, r2, r3, u_xx = navier_stokes(x_dom, y_dom)
        loss = tf.reduce_mean(r1 ** 2) + tf.reduce_mean(r2 ** 2) + tf.reduce_mean(r3 ** 2)
    grads = train_tape.gradient(loss, net.trainable_variables)
    optimizer.apply_gradients(zip(grads, net.trainable_variables))
    print(f"iteration {it}: residual loss {float(loss):.4e}, max |u_xx| = {float(tf.reduce_max(tf.abs(u_xx)))}")
