# The model rounds in call, but its own train_step trains on the unrounded output.
import numpy as np
import tensorflow as tf


class Quantized(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    def call(self, x):
        return tf.round(self.dense(x))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self.dense(x) - y) ** 2)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


model = Quantized()
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(8, 3).astype("float32")
y = np.random.rand(8, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
