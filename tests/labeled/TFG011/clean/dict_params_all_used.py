# Parameters in a dict, unpacked into the gradient call by key; all of them are used.
import tensorflow as tf

params = {"w": tf.Variable(1.0), "b": tf.Variable(0.0)}
x = tf.constant([1.0, 2.0])
y = tf.constant([3.0, 5.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((params["w"] * x + params["b"] - y) ** 2)
grads = dict(zip(params, tape.gradient(loss, list(params.values()))))
for name, g in grads.items():
    params[name].assign_sub(0.1 * g)
print({k: v.numpy() for k, v in params.items()})
