# Overridden train_step run by fit(): the tape is inside a graph function and the loss
# goes through the model's trainable variables.
import numpy as np
import tensorflow as tf


class Tiny(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.d(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


model = Tiny()
model.compile(optimizer="sgd")
model.fit(np.ones((8, 2), "float32"), np.zeros((8, 1), "float32"), epochs=1, batch_size=4, verbose=0)
print("trained")
