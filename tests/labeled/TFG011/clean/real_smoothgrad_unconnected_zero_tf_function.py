# source: https://github.com/lucasdavid/algorithms-in-tensorflow (notebook "Saliency using Gradient Backpropagation")
# reported: A SmoothGrad notebook computes saliency maps with a @tf.function `gradients(inputs, units)` that watches the inputs, gathers the chosen logits with tf.gather(..., batch_dims=1) and calls tape.gradient with unconnected_gradients=tf.UnconnectedGradients.ZERO; smooth_gradients repeats the images with noise and averages.
# observed (TF 2.21): tape.gradient returns a real (non-zero) gradient w.r.t. the watched inputs; the averaged saliency map is computed.
import numpy as np
import tensorflow as tf

REPETITIONS = 4
NOISE = .2

nn = tf.keras.Sequential([
    tf.keras.Input((8, 8, 3)),
    tf.keras.layers.Conv2D(4, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])


def activation_loss(y, units):
    return tf.gather(y, units, axis=1, batch_dims=1)


@tf.function
def gradients(inputs, units):
    with tf.GradientTape(watch_accessed_variables=True) as tape:
        tape.watch(inputs)
        y = nn(inputs)
        loss = activation_loss(y, units)

    grads = tape.gradient(loss, inputs, unconnected_gradients=tf.UnconnectedGradients.ZERO)

    return loss, grads


@tf.function
def smooth_gradients(inputs, units, num_samples=REPETITIONS, noise=NOISE):
    x = tf.repeat(inputs, num_samples, axis=0)
    x += tf.random.normal(x.shape, mean=0, stddev=noise / 2)

    y = tf.repeat(units, num_samples)
    loss, grads = gradients(x, y)

    grads = tf.reshape(grads, (-1, num_samples, *grads.shape[1:]))
    return loss, tf.reduce_mean(grads, axis=1)


def normalize(x, reduce_min=True, reduce_max=True):
    if reduce_min: x -= tf.reduce_min(x, axis=(-3, -2), keepdims=True)
    if reduce_max: x = tf.math.divide_no_nan(x, tf.reduce_max(x, axis=(-3, -2), keepdims=True))
    return x


x = tf.constant(np.random.rand(2, 8, 8, 3).astype("float32"))
logits = nn(x, training=False)
preds = tf.argmax(logits, axis=1)
_, g = smooth_gradients(x, preds)
maps = normalize(tf.reduce_mean(tf.abs(g), axis=-1, keepdims=True))
print(maps.shape, float(tf.reduce_max(tf.abs(g))))
