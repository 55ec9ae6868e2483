# source: https://github.com/lululxvi/deepxde/issues/1580  # known-miss: tf.gradients inside @tf.function of a slice of the input: graph-mode gradients and slices as sources are not modelled
# reported: A DeepXDE user splits the network input inside the PDE function (x, z, t = X[:, 0:1], X[:, 1:2], X[:, 2:]) and asks dde.grad.jacobian / dde.grad.hessian for derivatives w.r.t. those slices; compiling the model fails with an error deep inside the gradient helpers.
# observed (TF 2.21): tf.gradients returns None at line 24 (the slice x is taken after the network ran on X, so psi does not depend on it); the Hessian helper then calls .ref() on that None and raises AttributeError at line 37.
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
            self.J[i] = tf.gradients(y, self.xs)[0]  # expect: TFG011
        if j is None or self.dim_x == 1:
            return self.J[i]
        return self.J[i][:, j : j + 1]


class Jacobians:
    """Cache of Jacobian objects keyed by (ys, xs)."""

    def __init__(self):
        self.Js = {}

    def __call__(self, ys, xs, i=0, j=None):
        key = (ys.ref(), xs.ref())  # expect: TFG004
        if key not in self.Js:
            self.Js[key] = Jacobian(ys, xs)
        return self.Js[key](i, j)

    def clear(self):
        self.Js = {}


jacobian = Jacobians()


def hessian(ys, xs, component=None, i=0, j=0):
    dys_xi = jacobian(ys, xs, i=component or 0, j=i)
    return jacobian(dys_xi, xs, i=0, j=j)


# --- the user's problem ---
def pde2(X, U):
    x, z, t = X[:, 0:1], X[:, 1:2], X[:, 2:]
    psi, eta = U[:, 0:1], U[:, 1:]

    psi_x = jacobian(psi, x)
    psi_xx = hessian(psi, x, i=0, j=0)
    psi_xxx = jacobian(psi_xx, x)

    psi_z = jacobian(psi, z)
    psi_zz = hessian(psi, z, i=0, j=0)
    eta_t = jacobian(eta, t)
    return [psi_xx + psi_zz, eta_t - psi_z, psi_x * psi_xxx]


class TimePDE:
    def __init__(self, pde, num_domain):
        self.pde = pde
        rng = np.random.default_rng(0)
        self.train_x = rng.uniform(0.0, 1.0, size=(num_domain, 3)).astype("float32")

    def losses(self, inputs, outputs):
        f = self.pde(inputs, outputs)
        return [tf.reduce_mean(tf.square(fi)) for fi in f]


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


data = TimePDE(pde2, num_domain=16)
net = FNN([3] + [8] * 2 + [2], "tanh")
model = Model(data, net)
model.compile("adam", lr=0.001)
print(model.train(iterations=2))
