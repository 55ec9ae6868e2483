# The output layer is Lambda(tf.round), the op handed over directly: fit on integer targets has no gradient at all.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1),
                             tf.keras.layers.Lambda(tf.round)])  # expect: TFG018
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(16, 3).astype("float32")
y = np.round(np.random.rand(16, 1) * 3).astype("float32")
model.fit(x, y, epochs=1, verbose=0)  # raises: TFG018
