# source: https://whosebug.com/question/6317344/Tensorflow-to-learn-an-input-dependent-and-an-input-independent-variable (mirror of the Stack Overflow question "Tensorflow to learn an input dependent and an input independent variable")
# reported: For Burgers-equation discovery the user builds a network that predicts u(x, t) plus an input-independent diffusion coefficient nu, slices x and t out of xt before opening a persistent tape, watches both slices, stacks them back inside the tape, takes u_x inside and u_t, u_xx after the block.
# observed (TF 2.21): the slices are the watched sources and the stack happens under the tape, so u_x, u_t and u_xx and the weight gradients are all tensors (the [0] indexing keeps only the first row, as in the question).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense


class BurgersNet(tf.keras.Model):
    """u(x, t) from the inputs, and nu from a trainable constant input."""

    def __init__(self, width=8, depth=3, initial='he_uniform'):
        super().__init__()
        self.hidden = [Dense(width, kernel_initializer=initial, activation='tanh', bias_initializer=initial)
                       for _ in range(depth)]
        self.u_out = Dense(1, kernel_initializer=initial, activation='tanh', bias_initializer=initial)
        self.nu_in = self.add_weight(name="nu_in", shape=(1, 1), initializer="ones", trainable=True)
        self.nu_out = Dense(1, kernel_initializer=initial, activation='tanh', bias_initializer=initial)

    def call(self, inp_1):
        x = inp_1
        for layer in self.hidden:
            x = layer(x)
        x = self.u_out(x)
        nu = self.nu_out(self.nu_in)
        nu = tf.broadcast_to(nu, tf.shape(x))
        return tf.concat([x, nu], 1)


def neural_network(train):
    return BurgersNet()


def residualValOfPDE(xt, nu):
    x = xt[:, 0:1]  # x coordinate
    t = xt[:, 1:2]  # t coordinate
    with tf.GradientTape(persistent=True) as tape:

        tape.watch(x)
        tape.watch(t)

        u, nu = model(tf.stack([x[:, 0], t[:, 0]], axis=1))[0]
        u_x = tape.gradient(u, x)

    u_t = tape.gradient(u, t)
    u_xx = tape.gradient(u_x, x)

    return u_t + u*u_x - nu*u_xx


xt_train = tf.constant(np.random.default_rng(0).uniform(-1, 1, (16, 2)), dtype=tf.float32)
u_train = -tf.sin(np.pi * xt_train[:, 0:1])
model = neural_network(xt_train)
optimizer = tf.keras.optimizers.Adam(1e-3)

for epoch in range(2):
    with tf.GradientTape() as tape:
        pred = model(xt_train)
        f = residualValOfPDE(xt_train, None)
        loss = tf.reduce_mean(tf.square(pred[:, 0:1] - u_train)) + tf.reduce_mean(tf.square(f))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
