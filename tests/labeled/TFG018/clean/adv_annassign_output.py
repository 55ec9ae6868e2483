# Typed functional code: the rounded Lambda output is fed to a Dense head, bound with an
# annotation to the same name.
import numpy as np
import tensorflow as tf

inp = tf.keras.Input((4,))
out = tf.keras.layers.Lambda(lambda t: tf.round(t))(inp)
out: tf.keras.KerasTensor = tf.keras.layers.Dense(1)(out)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
x = (np.random.rand(32, 4) * 5).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
