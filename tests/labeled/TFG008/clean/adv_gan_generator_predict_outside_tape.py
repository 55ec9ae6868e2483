# GAN discriminator step: the fakes come from self.gen.predict before the tape (numpy, as
# intended: the generator is not trained here); the discriminator loss has real gradients.
# Attacks: Keras predict() and fields: a field model's predict() feeding the tape's inputs.
import numpy as np
import tensorflow as tf


class GAN:
    def __init__(self):
        self.gen = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(3)])
        self.disc = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
        self.d_opt = tf.keras.optimizers.Adam(1e-3)

    def d_step(self, real, z):
        fake = self.gen.predict(z, verbose=0)
        batch = np.concatenate([real, fake])
        labels = np.concatenate([np.ones((len(real), 1)), np.zeros((len(fake), 1))]).astype("float32")
        with tf.GradientTape() as tape:
            logits = self.disc(batch)
            loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels, logits))
        grads = tape.gradient(loss, self.disc.trainable_variables)
        self.d_opt.apply_gradients(zip(grads, self.disc.trainable_variables))
        return float(loss)


gan = GAN()
print(gan.d_step(np.random.rand(4, 3).astype("float32"), np.random.rand(4, 2).astype("float32")))
