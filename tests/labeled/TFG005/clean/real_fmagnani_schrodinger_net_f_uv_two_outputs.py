# source: https://github.com/FMagnani/Physics_Informed_NeuralNetwork/blob/5a35074f61e1e7721e1f9df135392f6e33658d52/Schrodinger_Continuous/Schrodinger_PINN.py
# reported: A TF2 re-implementation of Raissi's continuous-time Schrodinger PINN: a subclassed network returns the real and imaginary parts as two outputs, net_uv and net_f_uv watch x and t on persistent tapes, stack them inside the tape, take u_x, v_x inside the with-block and u_t, v_t, u_xx, v_xx after it, then delete the tape.
# observed (TF 2.21): all tape.gradient calls (first and second derivatives, and the weight gradients of the training step) return tensors.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense


class neural_net(tf.keras.Model):
    def __init__(self, ub, lb, layers):
        super(neural_net, self).__init__()
        self.lb = lb
        self.ub = ub
        self.hidden = [Dense(width, activation='tanh', bias_initializer="zeros") for width in layers[1:-1]]
        self.last = Dense(layers[-1], bias_initializer="zeros")

    def call(self, inputs, training=False):
        X = 2.0 * (inputs - self.lb) / (self.ub - self.lb) - 1.0
        for layer in self.hidden:
            X = layer(X)
        return self.last(X)


class PhysicsInformedNN(object):
    def __init__(self):
        self.optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)

    def grad(self):
        with tf.GradientTape() as tape:
            loss_value = self.loss()
        grads = tape.gradient(loss_value, self.model.trainable_variables)
        return loss_value, grads

    def train(self, adam_iterations):
        hist = []
        for it in range(adam_iterations):
            loss_value, grads = self.grad()
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
            hist.append(float(loss_value))
        return hist


class neural_net_2out(neural_net):

    def __init__(self, ub, lb, layers):
        super(neural_net_2out, self).__init__(ub, lb, layers)

    def call(self, inputs, training=False):
        output = super(neural_net_2out, self).call(inputs)
        return output[:, 0], output[:, 1]


class Schrodinger_PINN(PhysicsInformedNN):

    def __init__(self, x0, u0, v0, x_ub, x_lb, t_b, x_f, t_f, X_star, ub, lb, layers):
        super(Schrodinger_PINN, self).__init__()
        # Network architecture
        self.model = neural_net_2out(ub, lb, layers)
        # Data initialization
        self.x0 = x0
        self.t0 = 0*x0
        self.u0 = u0
        self.v0 = v0
        self.x_lb = x_lb
        self.x_ub = x_ub
        self.t_ub = t_b
        self.t_lb = t_b
        self.x_f = x_f
        self.t_f = t_f
        self.X_star = X_star

    # Loss definition
    def loss(self):
        x0 = self.x0
        t0 = self.t0
        u0 = self.u0
        v0 = self.v0

        # Loss from supervised learning (at t=0)
        X0 = tf.stack([x0, t0], axis=1)
        u_pred, v_pred = self.model(X0)
        y0 = tf.reduce_mean(tf.square(u0 - u_pred)) + \
            tf.reduce_mean(tf.square(v0 - v_pred))

        # Loss from Schrodinger constraint (at the anchor pts)
        f_u, f_v = self.net_f_uv()
        yS = tf.reduce_mean(tf.square(f_u)) + \
            tf.reduce_mean(tf.square(f_v))

        # Loss from boundary conditions
        u_lb_pred, v_lb_pred, u_x_lb_pred, v_x_lb_pred = self.net_uv(self.x_lb, self.t_lb)
        u_ub_pred, v_ub_pred, u_x_ub_pred, v_x_ub_pred = self.net_uv(self.x_ub, self.t_ub)

        yB = tf.reduce_mean(tf.square(u_lb_pred - u_ub_pred)) + \
            tf.reduce_mean(tf.square(v_lb_pred - v_ub_pred)) + \
            tf.reduce_mean(tf.square(u_x_lb_pred - u_x_ub_pred)) + \
            tf.reduce_mean(tf.square(v_x_lb_pred - v_x_ub_pred))

        return y0 + yS + yB

    # Needed by the Loss
    def net_uv(self, x, t):
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x)
            tape.watch(t)
            X = tf.stack([x, t], axis=1)  # shape = (N_f,2)
            u, v = self.model(X)

        u_x = tape.gradient(u, x)
        v_x = tape.gradient(v, x)
        return u, v, u_x, v_x

    # Needed by the Loss
    def net_f_uv(self):
        x_f = self.x_f
        t_f = self.t_f

        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x_f)
            tape.watch(t_f)
            X_f = tf.stack([x_f, t_f], axis=1)  # shape = (N_f,2)

            u, v = self.model(X_f)

            u_x = tape.gradient(u, x_f)
            v_x = tape.gradient(v, x_f)

        u_t = tape.gradient(u, t_f)
        v_t = tape.gradient(v, t_f)

        u_xx = tape.gradient(u_x, x_f)
        v_xx = tape.gradient(v_x, x_f)

        del tape

        f_u = u_t + 0.5*v_xx + (u**2 + v**2)*v
        f_v = v_t - 0.5*u_xx - (u**2 + v**2)*u
        return f_u, f_v


# Domain bounds and random stand-ins for NLS.mat
lb = np.array([-5.0, 0.0], dtype=np.float32)
ub = np.array([5.0, np.pi/2], dtype=np.float32)
N0, N_b, N_f = 8, 8, 16
layers = [2, 16, 16, 2]

rng = np.random.default_rng(0)
x0 = tf.constant(rng.uniform(-5, 5, N0), dtype=tf.float32)
u0 = 2.0 / tf.cosh(x0)
v0 = tf.zeros_like(x0)
t_b = tf.constant(rng.uniform(0, np.pi/2, N_b), dtype=tf.float32)
x_lb = tf.fill([N_b], -5.0)
x_ub = tf.fill([N_b], 5.0)
x_f = tf.constant(rng.uniform(-5, 5, N_f), dtype=tf.float32)
t_f = tf.constant(rng.uniform(0, np.pi/2, N_f), dtype=tf.float32)
X_star = tf.constant(rng.uniform(0, 1, (4, 2)), dtype=tf.float32)

model = Schrodinger_PINN(x0, u0, v0, x_ub, x_lb, t_b, x_f, t_f, X_star, ub, lb, layers)
print(model.train(adam_iterations=2))
