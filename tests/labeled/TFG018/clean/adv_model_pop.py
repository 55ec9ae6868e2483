# The counting model ends in a rounding layer; it is popped off before training.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((5,)),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Dense(1, activation="softplus"),
    tf.keras.layers.Lambda(lambda t: tf.round(t)),
])
model.pop()  # train on the continuous rate, round only at inference
model.compile(optimizer="adam", loss="poisson")
x = np.random.rand(32, 5).astype("float32")
y = np.random.poisson(2.0, size=(32, 1)).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
