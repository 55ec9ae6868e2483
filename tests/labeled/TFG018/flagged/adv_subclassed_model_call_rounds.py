# A subclassed model quantizes its own output in call: every weight's path is cut.
import numpy as np
import tensorflow as tf


class Quantized(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    def call(self, x):
        return tf.round(self.dense(x))  # expect: TFG018


model = Quantized()
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(8, 3).astype("float32")
y = np.random.rand(8, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)  # raises: TFG018
