# The helper watches its input, so the gradient it returns is a value and .numpy() works.
import tensorflow as tf


def input_grad(model, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = tf.reduce_sum(model(x))
    return tape.gradient(out, x)


model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1, activation="tanh")])
x = tf.random.normal([2, 3])
g = input_grad(model, x)
print(g.numpy().mean())
