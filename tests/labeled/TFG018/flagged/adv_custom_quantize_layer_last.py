# A custom Keras layer that quantizes by rounding is the model's last layer: fit raises.
import numpy as np
import tensorflow as tf


class Quantize(tf.keras.layers.Layer):
    def call(self, inputs):
        return tf.round(inputs * 8.0) / 8.0  # expect: TFG018


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3), Quantize()])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 4).astype("float32"), np.random.rand(8, 3).astype("float32"), verbose=0)  # raises: TFG018
