# Custom Keras model overriding train_step; fit() compiles it into a graph function.
import keras
import numpy as np
import tensorflow as tf


class Regressor(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            pred = self(x, training=True)
            loss = tf.reduce_mean((pred - y) ** 2)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


inputs = keras.Input(shape=(3,))
model = Regressor(inputs, keras.layers.Dense(1)(inputs))
model.compile(optimizer="sgd")
x = np.random.rand(16, 3).astype("float32")
y = np.random.rand(16, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
print("done")
