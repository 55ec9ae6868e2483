# A regression loss that compares rounded predictions: fit has no gradient to follow.
import numpy as np
import tensorflow as tf


def rounded_mse(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - tf.round(y_pred)))  # expect: TFG018


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=rounded_mse)
x = np.random.rand(16, 3).astype("float32")
y = np.round(np.random.rand(16, 1) * 4).astype("float32")
model.fit(x, y, epochs=1, verbose=0)  # raises: TFG018
