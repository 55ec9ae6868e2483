# source: https://github.com/rezaakb/pinns-tf2/blob/main/pinnstf/utils/gradient.py
# reported: The PINNs-TF2 library keeps TF1-style derivatives: its gradient() helper calls tf.gradients, and PINNModule.__init__ replaces self.train_step / self.eval_step with tf.function(...) versions, so the helper only ever runs while a graph is traced.
# observed (TF 2.21): tf.gradients inside gradient() builds graph gradients while train_step / eval_step are traced; the tape gradient w.r.t. the net's variables and the extra PDE parameter is real; no error.
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import tensorflow as tf


def gradient(dy, dx, grad_ys=None):
    if grad_ys is None:
        dy_dx = tf.gradients(dy, dx)
    else:
        dy_dx = tf.gradients(dy, dx, grad_ys=grad_ys)
    if len(dy_dx) == 1:
        dy_dx = dy_dx[0]
    return dy_dx


def sse(loss, preds, target=None, keys=None, mid=None):
    for key in keys:
        if target is None:
            loss = loss + tf.reduce_sum(tf.square(preds[key]))
        else:
            loss = loss + tf.reduce_sum(tf.square(preds[key] - target[key]))
    return loss


class FCN(tf.keras.Model):
    def __init__(self, layers, output_names):
        super().__init__()
        self.output_names_ = output_names
        self.hidden = [tf.keras.layers.Dense(n, activation='tanh') for n in layers[1:-1]]
        self.last = tf.keras.layers.Dense(layers[-1])

    def call(self, spatial, time):
        z = tf.concat([*spatial, time], axis=1)
        for layer in self.hidden:
            z = layer(z)
        z = self.last(z)
        return {name: z[:, i:i + 1] for i, name in enumerate(self.output_names_)}


def pde_fn(outputs: Dict[str, tf.Tensor], x: tf.Tensor, t: tf.Tensor, extra_variables):
    u_x, u_t = gradient(outputs["u"], [x, t])
    u_xx = gradient(u_x, x)
    outputs["f"] = u_t + outputs["u"] * u_x - extra_variables["l1"] * u_xx
    return outputs


def collocation_loss(data, loss, functions):
    x, t, _ = data
    outputs = functions["forward"]([x], t)
    outputs = functions["pde_fn"](outputs, x, t, functions["extra_variables"])
    loss = functions["loss_fn"](loss, outputs, keys=["f"])
    return loss, outputs


def mesh_loss(data, loss, functions):
    x, t, u = data
    outputs = functions["forward"]([x], t)
    loss = functions["loss_fn"](loss, outputs, u, keys=["u"])
    return loss, outputs


class PINNModule:
    def __init__(
        self,
        net,
        pde_fn: Callable[[Any, ...], tf.Tensor],
        optimizer=tf.keras.optimizers.Adam,
        loss_fn: str = "sse",
        extra_variables: Dict[str, Any] = None,
        jit_compile: bool = True,
        dtype: str = 'float32'
    ) -> None:
        super().__init__()

        self.net = net
        self.tf_dtype = tf.as_dtype(dtype)
        self.extra_variables = {k: tf.Variable(v, dtype=self.tf_dtype) for k, v in extra_variables.items()}
        self.trainable_variables = self.net.trainable_variables + list(self.extra_variables.values())
        self.pde_fn = pde_fn
        self.opt = optimizer()

        if jit_compile:
            self.train_step = tf.function(self.train_step, jit_compile=jit_compile)
            self.eval_step = tf.function(self.eval_step, jit_compile=jit_compile)
        else:
            self.train_step = tf.function(self.train_step, jit_compile=False)
            self.eval_step = tf.function(self.eval_step, jit_compile=False)

        if loss_fn == "sse":
            self.loss_fn = sse

        self.function_mapping = {"collocation": collocation_loss, "mesh": mesh_loss}
        self.functions = {
            "forward": self.forward,
            "pde_fn": self.pde_fn,
            "extra_variables": self.extra_variables,
            "loss_fn": self.loss_fn,
        }

    def forward(self, spatial: List[tf.Tensor], time: tf.Tensor) -> Dict[str, tf.Tensor]:
        return self.net(spatial, time)

    def model_step(self, batch) -> Tuple[tf.Tensor, Dict[str, tf.Tensor]]:
        loss = 0.0
        for loss_fn_name, data in batch.items():
            loss, preds = self.function_mapping[loss_fn_name](data, loss, self.functions)
        return loss, preds

    def train_step(self, batch):
        with tf.GradientTape() as tape:
            loss, pred = self.model_step(batch)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.opt.apply_gradients(zip(gradients, self.trainable_variables))
        return loss, self.extra_variables

    def eval_step(self, batch):
        loss, preds = self.model_step(batch)
        return loss, preds


def make_batch(n):
    x = tf.constant(np.random.uniform(-1, 1, (n, 1)), dtype=tf.float32)
    t = tf.constant(np.random.uniform(0, 1, (n, 1)), dtype=tf.float32)
    u = {"u": tf.constant(-np.sin(np.pi * x.numpy()), dtype=tf.float32)}
    return x, t, u


net = FCN([2, 8, 8, 1], output_names=["u"])
module = PINNModule(net, pde_fn, extra_variables={"l1": 0.01}, jit_compile=False)
batch = {"mesh": make_batch(8), "collocation": make_batch(16)}
for epoch in range(2):
    loss, extra = module.train_step(batch)
    print(epoch, float(loss), float(extra["l1"]))
val_loss, preds = module.eval_step(batch)
print(float(val_loss), preds["f"].shape)
