# source: https://deepxde.readthedocs.io/en/v1.13.1/_sources/demos/pinn_forward/burgers.rst.txt
# reported: DeepXDE's Burgers demo writes the PDE residual with dde.grad.jacobian(y, x, i=0, j=0), dde.grad.jacobian(y, x, i=0, j=1) and dde.grad.hessian(y, x, i=0, j=0): the derivatives are always taken w.r.t. the whole network input x and the column is picked with j, where x[:, 0] is the space and x[:, 1] the time coordinate.
# observed (TF 2.21): with the same cut-down lazy Jacobian helpers, tf.gradients w.r.t. the full input returns tensors for u_x, u_t and u_xx, and the @tf.function training step runs.
import numpy as np
import tensorflow as tf


# --- a cut-down copy of DeepXDE's lazy, cached Jacobian helpers (backend "tensorflow") ---
class Jacobian:
    """J[i, j] = dy_i / dx_j, computed lazily."""

    def __init__(self, ys, xs):
        self.ys = ys
        self.xs = xs
        self.dim_y = ys.shape[1]
        self.dim_x = xs.shape[1]
        self.J = {}

    def __call__(self, i=0, j=None):
        if not 0 <= i < self.dim_y:
            raise ValueError("i={} is not valid.".format(i))
        if i not in self.J:
            y = self.ys[:, i : i + 1] if self.dim_y > 1 else self.ys
            self.J[i] = tf.gradients(y, self.xs)[0]
        if j is None or self.dim_x == 1:
            return self.J[i]
        return self.J[i][:, j : j + 1]


class Jacobians:
    """Cache of Jacobian objects keyed by (ys, xs)."""

    def __init__(self):
        self.Js = {}

    def __call__(self, ys, xs, i=0, j=None):
        key = (ys.ref(), xs.ref())
        if key not in self.Js:
            self.Js[key] = Jacobian(ys, xs)
        return self.Js[key](i, j)

    def clear(self):
        self.Js = {}


jacobian = Jacobians()


def hessian(ys, xs, component=None, i=0, j=0):
    dys_xi = jacobian(ys, xs, i=component or 0, j=i)
    return jacobian(dys_xi, xs, i=0, j=j)


# --- the demo's residual ---
def pde(x, y):
    dy_x = jacobian(y, x, i=0, j=0)
    dy_t = jacobian(y, x, i=0, j=1)
    dy_xx = hessian(y, x, i=0, j=0)
    return dy_t + y * dy_x - 0.01 / np.pi * dy_xx


class TimePDE:
    def __init__(self, pde, num_domain):
        self.pde = pde
        rng = np.random.default_rng(0)
        self.train_x = np.hstack([rng.uniform(-1.0, 1.0, size=(num_domain, 1)), rng.uniform(0.0, 0.99, size=(num_domain, 1))]).astype("float32")

    def losses(self, inputs, outputs):
        f = self.pde(inputs, outputs)
        return [tf.reduce_mean(tf.square(f))]


def FNN(layer_sizes, activation):
    net = tf.keras.Sequential([tf.keras.Input(shape=(layer_sizes[0],))])
    for width in layer_sizes[1:-1]:
        net.add(tf.keras.layers.Dense(width, activation=activation, kernel_initializer="glorot_uniform"))
    net.add(tf.keras.layers.Dense(layer_sizes[-1]))
    return net


class Model:
    def __init__(self, data, net):
        self.data = data
        self.net = net

    def compile(self, optimizer, lr=0.001):
        self.opt = tf.keras.optimizers.Adam(learning_rate=lr)

        @tf.function
        def train_step(inputs):
            with tf.GradientTape() as tape:
                outputs = self.net(inputs)
                losses = self.data.losses(inputs, outputs)
                total_loss = tf.add_n(losses)
            grads = tape.gradient(total_loss, self.net.trainable_variables)
            self.opt.apply_gradients(zip(grads, self.net.trainable_variables))
            return total_loss

        self.train_step = train_step

    def train(self, iterations):
        for _ in range(iterations):
            jacobian.clear()
            loss = self.train_step(tf.constant(self.data.train_x))
        return loss


data = TimePDE(pde, num_domain=16)
net = FNN([2] + [8] * 2 + [1], "tanh")
model = Model(data, net)
model.compile("adam", lr=0.001)
print(model.train(iterations=2))
