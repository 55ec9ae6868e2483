# A builder adds a rounding head only for the deployed model; the float model trains with MSE.
import numpy as np
import tensorflow as tf


def build(quantized=False):
    model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(8, activation="relu"),
                                 tf.keras.layers.Dense(1)])
    if not quantized:
        return model
    model.add(tf.keras.layers.Lambda(lambda t: tf.round(t)))
    return model


model = build(quantized=False)
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(32, 3).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
