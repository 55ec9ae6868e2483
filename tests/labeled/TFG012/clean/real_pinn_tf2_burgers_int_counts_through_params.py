# source: https://github.com/ShotaDeguchi/PINN_TF2/blob/main/02_burgers/params.py
# reported: A TF2 PINN for Burgers' equation writes its point counts in scientific notation but wraps them, N_0 = int(5e2), N_b = int(1e3), N_r = int(1e4); params() returns them and prp_dataset() passes them on to tf.ones / tf.random.uniform shapes.
# observed (TF 2.21): the counts reach tf.ones / tf.zeros / tf.random.uniform as ints, the PDE residual's tape derivatives and the tape gradient w.r.t. the network parameters are real for two full-batch steps.
import os
import sys

import numpy as np
import tensorflow as tf

# network structure
in_dim = 2
out_dim = 1
width = 2 ** 3   # 2 ** 6 = 64, 2 ** 8 = 256
depth = 3

# training setting
n_epch = int(2e0)
n_btch = 0
c_tol = 1e-8

# dataset prep
N_0 = int(1e1)   # evaluates initial condition
N_b = int(1e1)   # evaluates boundary condition
N_r = int(5e1)   # evaluates PDE residual within the domain

# optimization
w_init = "glorot_normal"
b_init = "zeros"
act = "tanh"
lr = 1e-3
opt = "Adam"

# weight
w_dat = 1.
w_pde = 1.

# rarely change
f_mntr = 1
r_seed = 1234


def params():
    print("python    :", sys.version)
    print("tensorflow:", tf.__version__)
    os.environ["PYTHONHASHSEED"] = str(r_seed)
    np.random.seed(r_seed)
    tf.random.set_seed(r_seed)
    return in_dim, out_dim, width, depth, \
        w_init, b_init, act, \
        lr, opt, \
        w_dat, w_pde, \
        f_mntr, r_seed, \
        n_epch, n_btch, c_tol, \
        N_0, N_b, N_r


def func_u0(x):
    return -tf.sin(np.pi * x)


def func_ub(x):
    n = x.shape[0]
    return tf.zeros((n, 1), dtype=tf.float32)


def prp_dataset(tmin, tmax, xmin, xmax, N_0, N_b, N_r):
    lb = tf.constant([tmin, xmin], dtype=tf.float32)
    ub = tf.constant([tmax, xmax], dtype=tf.float32)

    t_0 = tf.ones((N_0, 1), dtype=tf.float32) * lb[0]
    x_0 = tf.random.uniform((N_0, 1), lb[1], ub[1], dtype=tf.float32)
    t_b = tf.random.uniform((N_b, 1), lb[0], ub[0], dtype=tf.float32)
    x_b = lb[1] + (ub[1] - lb[1]) * tf.cast(tf.random.uniform((N_b, 1)) < .5, tf.float32)
    t_r = tf.random.uniform((N_r, 1), lb[0], ub[0], dtype=tf.float32)
    x_r = tf.random.uniform((N_r, 1), lb[1], ub[1], dtype=tf.float32)

    return t_0, x_0, t_b, x_b, t_r, x_r


class PINN(tf.keras.Model):
    def __init__(self, t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r,
                 Rm, Rn, Rl, depth, activ="tanh", w_init="glorot_normal", b_init="zeros",
                 lr=1e-3, opt="Adam", w_0=1., w_b=1., w_r=1., f_mntr=10, r_seed=1234):
        super().__init__()
        self.data_type = tf.float32
        self.Rm = Rm; self.Rn = Rn; self.Rl = Rl; self.depth = depth
        self.activ = activ; self.w_init = w_init; self.b_init = b_init
        self.lr = lr; self.opt = opt
        self.w_0 = w_0; self.w_b = w_b; self.w_r = w_r
        self.f_mntr = f_mntr

        # input-output pair
        self.t_0 = t_0; self.x_0 = x_0; self.u_0 = u_0   # evaluates initial condition
        self.t_b = t_b; self.x_b = x_b; self.u_b = u_b   # evaluates boundary condition
        self.t_r = t_r; self.x_r = x_r                   # evaluates domain residual

        # bounds
        X_r = tf.concat([t_r, x_r], 1)
        self.lb = tf.cast(tf.reduce_min(X_r, axis=0), self.data_type)
        self.ub = tf.cast(tf.reduce_max(X_r, axis=0), self.data_type)

        self.dnn = self.dnn_init(Rm, Rn, Rl, depth)
        self.params = self.dnn.trainable_variables
        self.optimizer = tf.keras.optimizers.Adam(learning_rate=self.lr)
        self.nu = tf.constant(.01 / np.pi, dtype=self.data_type)

        self.ep_log = []
        self.loss_log = []

    def dnn_init(self, Rm, Rn, Rl, depth):
        network = tf.keras.Sequential()
        network.add(tf.keras.layers.InputLayer(shape=(Rm,)))
        network.add(tf.keras.layers.Lambda(lambda x: 2. * (x - self.lb) / (self.ub - self.lb) - 1.))
        for l in range(depth - 1):
            network.add(tf.keras.layers.Dense(Rl, activation=self.activ, use_bias=True,
                                              kernel_initializer=self.w_init, bias_initializer=self.b_init))
        network.add(tf.keras.layers.Dense(Rn))
        return network

    def PDE(self, t, x):
        t = tf.convert_to_tensor(t, dtype=self.data_type)
        x = tf.convert_to_tensor(x, dtype=self.data_type)

        with tf.GradientTape(persistent=True) as tp:
            tp.watch(t)
            tp.watch(x)

            u = self.dnn(tf.concat([t, x], 1))
            u_x = tp.gradient(u, x)
        u_t = tp.gradient(u, t)
        u_xx = tp.gradient(u_x, x)
        del tp
        gv = u_t + u * u_x - self.nu * u_xx

        return u, gv

    def loss_prd(self, t, x, u):
        u_hat, dummy = self.PDE(t, x)
        return tf.reduce_mean(tf.square(u - u_hat))

    def loss_pde(self, t, x):
        dummy, gv_hat = self.PDE(t, x)
        return tf.reduce_mean(tf.square(gv_hat))

    @tf.function
    def loss_glb(self, t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r):
        loss_0 = self.w_0 * self.loss_prd(t_0, x_0, u_0)
        loss_b = self.w_b * self.loss_prd(t_b, x_b, u_b)
        loss_r = self.w_r * self.loss_pde(t_r, x_r)
        return loss_0 + loss_b + loss_r

    def loss_grad(self, t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r):
        with tf.GradientTape(persistent=True) as tp:
            loss = self.loss_glb(t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r)
        grad = tp.gradient(loss, self.params)
        del tp
        return loss, grad

    @tf.function
    def grad_desc(self, t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r):
        loss, grad = self.loss_grad(t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r)
        self.optimizer.apply_gradients(zip(grad, self.params))
        return loss

    def train(self, epoch=10 ** 5, batch=2 ** 6, tol=1e-5):
        t_0 = self.t_0.numpy(); x_0 = self.x_0.numpy(); u_0 = self.u_0.numpy()
        t_b = self.t_b.numpy(); x_b = self.x_b.numpy(); u_b = self.u_b.numpy()
        t_r = self.t_r.numpy(); x_r = self.x_r.numpy()

        for ep in range(epoch):
            ep_loss = self.grad_desc(t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r)
            if ep % self.f_mntr == 0:
                self.ep_log.append(ep)
                self.loss_log.append(ep_loss)
                print("ep: %d, loss: %.3e" % (ep, ep_loss))
            if ep_loss < tol:
                break


def main():
    in_dim, out_dim, width, depth, \
        w_init, b_init, act, \
        lr, opt, \
        w_dat, w_pde, \
        f_mntr, r_seed, \
        n_epch, n_btch, c_tol, \
        N_0, N_b, N_r = params()

    tmin, tmax = 0., 1.
    xmin, xmax = -1., 1.
    t_0, x_0, t_b, x_b, t_r, x_r = prp_dataset(tmin, tmax, xmin, xmax, N_0, N_b, N_r)
    u_0 = func_u0(x_0)
    u_b = func_ub(x_b)

    pinn = PINN(t_0, x_0, u_0, t_b, x_b, u_b, t_r, x_r,
                Rm=in_dim, Rn=out_dim, Rl=width, depth=depth, activ=act,
                w_init=w_init, b_init=b_init, lr=lr, opt=opt,
                w_0=w_dat, w_b=w_dat, w_r=w_pde, f_mntr=f_mntr, r_seed=r_seed)
    pinn.train(epoch=n_epch, batch=n_btch, tol=c_tol)


if __name__ == "__main__":
    main()
