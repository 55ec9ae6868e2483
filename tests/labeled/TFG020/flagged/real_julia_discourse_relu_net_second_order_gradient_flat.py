# source: https://discourse.julialang.org/t/how-to-get-second-order-gradient-of-a-neural-network/26631
# reported: A 1-input, 1-output network of three ReLU Dense layers (256 wide) is trained on a piecewise-linear target; its first derivative plots fine (a sharp peak near x = 15) but the nested second-order gradient is a flat 0 everywhere; the asker concluded a ReLU network is piecewise linear, and a sigmoid network gives a real curve.
# observed (TF 2.21): t2.gradient returns all zeros at line 47, at every plotted point (the network has only ReLU layers), while the first derivative at line 46 has values
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)

net = tf.keras.Sequential([
    tf.keras.Input(shape=(1,)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(1, activation="relu"),
])

S, s = 70.0, 15.0


def opt(x):
    return np.where(x <= s, S - x, 0.0)


x_train = np.arange(-50.0, 100.0, 1.0, dtype="float32").reshape(-1, 1)
y_train = opt(x_train).astype("float32")
op = tf.keras.optimizers.Adam()
for step in range(2):
    with tf.GradientTape() as tape:
        y_hat = net(x_train)
        loss = tf.reduce_mean(tf.square(y_hat - y_train))
    grads = tape.gradient(loss, net.trainable_variables)
    op.apply_gradients(zip(grads, net.trainable_variables))


def act(x):
    return tf.reduce_sum(net(x))


d1_curve, d2_curve = [], []
for xv in [10.0, 14.0, 16.0, 20.0]:
    x = tf.constant([[xv]])
    with tf.GradientTape() as t2:
        t2.watch(x)
        with tf.GradientTape() as t1:
            t1.watch(x)
            y = net(x)
        dy = t1.gradient(y, x)
    d2y = t2.gradient(dy, x)  # expect: TFG020
    d1_curve.append(float(dy[0, 0]))
    d2_curve.append(float(d2y[0, 0]))

print("act(10) =", float(act(tf.constant([[10.0]]))))
print("first derivative:", d1_curve)
print("second derivative (should peak near 15):", d2_curve)
