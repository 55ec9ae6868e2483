# A Loss subclass with a differentiable term next to a rounded one: the weights get gradients.
import numpy as np
import tensorflow as tf


class Scaled(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        return tf.reduce_mean((y_true - y_pred) ** 2) + 0.0 * tf.round(y_pred)


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=Scaled())
x = np.random.rand(8, 3).astype("float32")
y = np.random.rand(8, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
