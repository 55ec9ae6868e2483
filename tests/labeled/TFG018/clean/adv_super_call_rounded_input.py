# A Dense layer that quantizes its inputs before its own matmul: its kernel gets gradients.
import numpy as np
import tensorflow as tf


class QuantizedInputDense(tf.keras.layers.Dense):
    def call(self, inputs):
        return super().call(tf.round(inputs * 8.0) / 8.0)


model = tf.keras.Sequential([tf.keras.Input((4,)), QuantizedInputDense(1)])
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(32, 4).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
