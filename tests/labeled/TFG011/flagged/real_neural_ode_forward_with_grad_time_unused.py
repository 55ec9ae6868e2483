# source: https://github.com/sqmemory13/PDE_NeuralNet_Collection_Dev/blob/0bec0cb61288def9c38d9d6d27951c8c05116833/30.%20Neural%20ODEs.ipynb  # known-miss: the unused source t is one of a list built as [z, t] + list(self.trainable_variables); the model's call ignores t
# reported: The Neural ODE notebook's ODEF.forward_with_grad computes a*df/dz, a*df/dt and a*df/dp in one autograd call with allow_unused=True, and the adjoint dynamics replace a missing (None) a*df/dt by zeros, because the LinearODEF dynamics never use t. This is the same code written with tf.GradientTape.
# observed (TF 2.21): tape.gradient returns None for the t entry at line 32 (the linear dynamics do not depend on t); the code checks for None and substitutes zeros, so the adjoint step runs.
import math

import numpy as np
import tensorflow as tf


def ode_solve(z0, t0, t1, f):
    """Simplest Euler ODE initial value solver"""
    h_max = 0.05
    n_steps = math.ceil(float(tf.reduce_max(tf.abs(t1 - t0) / h_max)))
    h = (t1 - t0) / n_steps
    t = t0
    z = z0
    for i_step in range(n_steps):
        z = z + h * f(z, t)
        t = t + h
    return z


class ODEF(tf.keras.Model):
    def forward_with_grad(self, z, t, grad_outputs):
        """Compute f and a df/dz, a df/dp, a df/dt"""
        batch_size = z.shape[0]
        with tf.GradientTape() as tape:
            tape.watch(z)
            tape.watch(t)
            out = self(z, t)
        a = grad_outputs
        adfdz, adfdt, *adfdp = tape.gradient(out, [z, t] + list(self.trainable_variables), output_gradients=a)  # expect: TFG011
        # grad method automatically sums gradients for batch items, we have to expand them back
        if adfdp is not None:
            adfdp = tf.expand_dims(tf.concat([tf.reshape(p_grad, [-1]) for p_grad in adfdp], 0), 0)
            adfdp = tf.tile(adfdp, [batch_size, 1]) / batch_size
        if adfdt is not None:
            adfdt = tf.broadcast_to(adfdt, [batch_size, 1]) / batch_size
        return out, adfdz, adfdt, adfdp

    def flatten_parameters(self):
        return tf.concat([tf.reshape(p, [-1]) for p in self.trainable_variables], 0)


class LinearODEF(ODEF):
    def __init__(self, W):
        super().__init__()
        self.lin = tf.keras.layers.Dense(2, use_bias=False)
        self.lin.build((None, 2))
        self.lin.kernel.assign(W)

    def call(self, x, t):
        return self.lin(x)


def augmented_dynamics(func, z_i, a, t_i, n_params):
    """One evaluation of the adjoint ODE right-hand side (backwards in time)."""
    bs = z_i.shape[0]
    func_eval, adfdz, adfdt, adfdp = func.forward_with_grad(z_i, t_i, grad_outputs=a)
    adfdz = adfdz if adfdz is not None else tf.zeros_like(z_i)
    adfdp = adfdp if adfdp is not None else tf.zeros((bs, n_params))
    adfdt = adfdt if adfdt is not None else tf.zeros((bs, 1))
    return tf.concat((func_eval, -adfdz, -adfdp, -adfdt), axis=1)


func = LinearODEF(np.array([[-0.1, -1.0], [1.0, -0.1]], dtype=np.float32))
z0 = tf.constant([[0.6, 0.3]])
t0, t1 = tf.constant([[0.0]]), tf.constant([[0.2]])

z1 = ode_solve(z0, t0, t1, func)
dLdz1 = 2.0 * (z1 - tf.constant([[0.5, 0.4]]))  # gradient of a squared error at the end point
n_params = int(func.flatten_parameters().shape[0])
aug = augmented_dynamics(func, z1, dLdz1, t1, n_params)
print("z(t1):", z1.numpy())
print("augmented dynamics:", aug.numpy())
