# A helper returns the gradient w.r.t. an unwatched input; the caller calls .numpy() on it.
import tensorflow as tf


def input_grad(model, x):
    with tf.GradientTape() as tape:
        out = tf.reduce_sum(model(x))
    return tape.gradient(out, x)  # expect: TFG003


model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1, activation="tanh")])
x = tf.random.normal([2, 3])
g = input_grad(model, x)
print(g.numpy().mean())  # expect: TFG004
