# source: https://github.com/FMagnani/Physics_Informed_NeuralNetwork/blob/22a90608b8e83575aa6cb1fd90d71998442f3bd0/Schrodinger/Utilities.py
# reported: In this TF2 port of the Schrodinger PINN, net_uv concatenates x and t with tf.concat BEFORE opening the tape, but then wraps the result in tf.Variable(X) and differentiates u and v w.r.t. that variable, slicing the columns of the gradient afterwards; the rest of the utilities (loss, train_step over model.trainable_variables) use the same helper.
# observed (TF 2.21): the gradients w.r.t. the variable X (first and second order) and w.r.t. the model weights are all tensors, so the partial derivatives are obtained by slicing.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense


class neural_net(tf.keras.Model):
    def __init__(self, ub, lb, hidden_dim=16):
        super(neural_net, self).__init__()
        self.lb = lb
        self.ub = ub
        self.hidden_dim = hidden_dim
        self.out_dim = 2
        self.hidden_1 = Dense(self.hidden_dim, activation='tanh', bias_initializer="zeros")
        self.hidden_2 = Dense(self.hidden_dim, activation='tanh', bias_initializer="zeros")
        self.last = Dense(self.out_dim, bias_initializer="zeros")

    def call(self, inputs, training=False):
        X = 2.0*(inputs - self.lb)/(self.ub - self.lb) - 1.0
        X = self.hidden_1(X)
        X = self.hidden_2(X)
        out = self.last(X)
        return out[:, 0:1], out[:, 1:2]


def net_uv(NN, x, t):

    X = tf.concat([x, t], 1)
    X = tf.Variable(X)

    with tf.GradientTape(persistent=True) as tape:
        u, v = NN(X)

    u_X = tape.gradient(u, X)
    v_X = tape.gradient(v, X)

    u_x = u_X[:, 0:1]
    v_x = v_X[:, 1:2]

    return u, v, u_x, v_x


def net_f_uv(NN, x, t):
    """
    ARGS:
        NN: The Neural Network used as solution. An instance of neural_net class
        x, t: Input
    RETURNS:
        f_u, f_v: output of the NN
    Used to compute the loss referring to the Shrodinger eq condition.
    """
    X = tf.concat([x, t], 1)
    X = tf.Variable(X)

    with tf.GradientTape(persistent=True) as tape:
        u, v = NN(X)
        u_X = tape.gradient(u, X)
        v_X = tape.gradient(v, X)
        u_x = u_X[:, 0:1]
        v_x = v_X[:, 0:1]

    u_t = u_X[:, 1:2]
    v_t = v_X[:, 1:2]
    u_xx = tape.gradient(u_x, X)[:, 0:1]
    v_xx = tape.gradient(v_x, X)[:, 0:1]
    del tape

    f_u = u_t + 0.5*v_xx + (u**2 + v**2)*v
    f_v = v_t - 0.5*u_xx - (u**2 + v**2)*u
    return f_u, f_v


def loss(x0, t0, u0, v0):
    # Loss from supervised learning (at t=0)
    X0 = tf.concat([x0, t0], 1)
    u_pred, v_pred = model(X0)
    y0 = tf.reduce_mean(tf.square(u0 - u_pred)) + tf.reduce_mean(tf.square(v0 - v_pred))

    # Loss from the Schrodinger constraint (at the anchor pts)
    f_u, f_v = net_f_uv(model, x_f, t_f)
    yS = tf.reduce_mean(tf.square(f_u)) + tf.reduce_mean(tf.square(f_v))

    # Periodic boundary loss
    u_lb, v_lb, u_x_lb, v_x_lb = net_uv(model, x_lb, t_b)
    u_ub, v_ub, u_x_ub, v_x_ub = net_uv(model, x_ub, t_b)
    yB = tf.reduce_mean(tf.square(u_lb - u_ub)) + tf.reduce_mean(tf.square(v_lb - v_ub)) + \
        tf.reduce_mean(tf.square(u_x_lb - u_x_ub)) + tf.reduce_mean(tf.square(v_x_lb - v_x_ub))
    return y0 + yS + yB


# Train step:
    # - Compute the loss (watching)
    # - Compute the gradient of the loss wrt the model weights (trainable vars)
    # - Apply the gradients (optimizer does)
def train_step(x0, t0, u0, v0, n_iterations, optimizer):
    for it in range(n_iterations):
        with tf.GradientTape() as tape:
            loss_value = loss(x0, t0, u0, v0)
        grads = tape.gradient(loss_value, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        print(it, float(loss_value))


lb = np.array([-5.0, 0.0], dtype=np.float32)
ub = np.array([5.0, np.pi/2], dtype=np.float32)
rng = np.random.default_rng(1)
x0 = tf.constant(rng.uniform(-5, 5, (8, 1)), dtype=tf.float32)
t0 = tf.zeros_like(x0)
u0 = 2.0 / tf.cosh(x0)
v0 = tf.zeros_like(x0)
t_b = tf.constant(rng.uniform(0, np.pi/2, (8, 1)), dtype=tf.float32)
x_lb = tf.fill([8, 1], -5.0)
x_ub = tf.fill([8, 1], 5.0)
x_f = tf.constant(rng.uniform(-5, 5, (16, 1)), dtype=tf.float32)
t_f = tf.constant(rng.uniform(0, np.pi/2, (16, 1)), dtype=tf.float32)

model = neural_net(ub, lb)
train_step(x0, t0, u0, v0, n_iterations=2, optimizer=tf.keras.optimizers.Adam(1e-3))
