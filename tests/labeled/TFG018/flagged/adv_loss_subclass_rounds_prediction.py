# A Loss subclass rounds the prediction before comparing: fit has no gradient for any weight.
import numpy as np
import tensorflow as tf


class RoundedMSE(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        return tf.reduce_mean((y_true - tf.round(y_pred)) ** 2)  # expect: TFG018


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=RoundedMSE())
x = np.random.rand(8, 3).astype("float32")
y = np.random.rand(8, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)  # raises: TFG018
