# source: https://github.com/keras-team/keras/issues/9396
# reported: A user wanted hidden activations in [0, 1] to be rounded to 0/1 in the forward pass while back-propagation uses the unrounded values; the posted solution is `y = g(x) + tf.stop_gradient(f(x) - g(x))` with f = tf.round.
# observed (TF 2.21): the layer outputs exact 0/1 codes, yet tape.gradient returns real gradients for the encoder and decoder weights.
import numpy as np
import tensorflow as tf


class RoundedSigmoid(tf.keras.layers.Layer):
    """Feedforward with rounded activations, backprop with the unrounded ones."""

    def call(self, inputs):
        current_unrounded_node = tf.sigmoid(inputs)
        current_rounded_node = tf.round(current_unrounded_node)
        return current_unrounded_node + tf.stop_gradient(current_rounded_node - current_unrounded_node)


class BinaryAutoencoder(tf.keras.Model):
    def __init__(self, code_size=4, out_size=10):
        super().__init__()
        self.encoder = tf.keras.layers.Dense(code_size)
        self.binarize = RoundedSigmoid()
        self.decoder = tf.keras.layers.Dense(out_size, activation="sigmoid")

    def call(self, x):
        code = self.binarize(self.encoder(x))
        return self.decoder(code), code


class Trainer:
    def __init__(self, model):
        self.model = model
        self.optimizer = tf.keras.optimizers.Adam(1e-2)
        self.loss_fn = tf.keras.losses.BinaryCrossentropy()
        self.history = []

    def train_step(self, x):
        with tf.GradientTape() as tape:
            recon, code = self.model(x, training=True)
            loss = self.loss_fn(x, recon)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        self.history.append(loss.numpy())
        return code

    def fit(self, data, epochs):
        for _ in range(epochs):
            for batch in data:
                code = self.train_step(batch)
        return code


data = tf.data.Dataset.from_tensor_slices((np.random.rand(8, 10) > 0.5).astype("float32")).batch(4)
trainer = Trainer(BinaryAutoencoder())
code = trainer.fit(data, epochs=1)
print(np.unique(code.numpy()), trainer.history)
