# A loss factory returns a lambda that quantizes the prediction to the grid 1/scale before the error.
import numpy as np
import tensorflow as tf


def make_grid_loss(scale):
    return lambda y_true, y_pred: tf.reduce_mean(
        tf.abs(y_true - tf.round(y_pred * scale) / scale))  # expect: TFG018


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=make_grid_loss(4.0))
x = np.random.rand(16, 3).astype("float32")
y = np.random.rand(16, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)  # raises: TFG018
