# source: https://keras.io/examples/generative/wgan_gp/
# reported: The Keras WGAN-GP example: a LeakyReLU critic, a gradient_penalty() that takes the critic's gradient with respect to interpolated samples under its own tape, and a custom train_step that differentiates d_cost + gp_weight * gp with respect to the critic's weights (a second derivative through the penalty).
# observed (TF 2.21): runs clean (eager): the penalty's input gradient at line 55 and the critic's weight gradient at line 71 (second order through the penalty, for a piecewise-linear critic: its kernels get non-zero second-order terms) return values, as does the generator's at line 79
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

noise_dim = 8
data_dim = 16


def get_discriminator_model():
    critic = keras.Sequential([
        keras.Input(shape=(data_dim,)),
        layers.Dense(32),
        layers.LeakyReLU(0.2),
        layers.Dense(32),
        layers.LeakyReLU(0.2),
        layers.Dropout(0.3),
        layers.Dense(1),
    ], name="discriminator")
    return critic


def get_generator_model():
    return keras.Sequential([keras.Input(shape=(noise_dim,)), layers.Dense(32, activation="relu"),
                             layers.Dense(data_dim, activation="tanh")], name="generator")


class WGAN(keras.Model):
    def __init__(self, discriminator, generator, latent_dim, discriminator_extra_steps=1, gp_weight=10.0):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.latent_dim = latent_dim
        self.d_steps = discriminator_extra_steps
        self.gp_weight = gp_weight

    def compile(self, d_optimizer, g_optimizer, d_loss_fn, g_loss_fn, **kwargs):
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        self.d_loss_fn = d_loss_fn
        self.g_loss_fn = g_loss_fn

    def gradient_penalty(self, batch_size, real_images, fake_images):
        alpha = tf.random.uniform([batch_size, 1], 0.0, 1.0)
        diff = fake_images - real_images
        interpolated = real_images + alpha * diff

        with tf.GradientTape() as gp_tape:
            gp_tape.watch(interpolated)
            pred = self.discriminator(interpolated, training=True)
        grads = gp_tape.gradient(pred, [interpolated])[0]
        norm = tf.sqrt(tf.reduce_sum(tf.square(grads), axis=[1]))
        gp = tf.reduce_mean((norm - 1.0) ** 2)
        return gp

    def train_step(self, real_images):
        batch_size = tf.shape(real_images)[0]
        for i in range(self.d_steps):
            random_latent_vectors = tf.random.normal(shape=(batch_size, self.latent_dim))
            with tf.GradientTape() as tape:
                fake_images = self.generator(random_latent_vectors, training=True)
                fake_logits = self.discriminator(fake_images, training=True)
                real_logits = self.discriminator(real_images, training=True)
                d_cost = self.d_loss_fn(real_img=real_logits, fake_img=fake_logits)
                gp = self.gradient_penalty(batch_size, real_images, fake_images)
                d_loss = d_cost + gp * self.gp_weight
            d_gradient = tape.gradient(d_loss, self.discriminator.trainable_variables)
            self.d_optimizer.apply_gradients(zip(d_gradient, self.discriminator.trainable_variables))

        random_latent_vectors = tf.random.normal(shape=(batch_size, self.latent_dim))
        with tf.GradientTape() as tape:
            generated_images = self.generator(random_latent_vectors, training=True)
            gen_img_logits = self.discriminator(generated_images, training=True)
            g_loss = self.g_loss_fn(gen_img_logits)
        gen_gradient = tape.gradient(g_loss, self.generator.trainable_variables)
        self.g_optimizer.apply_gradients(zip(gen_gradient, self.generator.trainable_variables))
        return {"d_loss": d_loss, "g_loss": g_loss, "gp": gp}


def discriminator_loss(real_img, fake_img):
    return tf.reduce_mean(fake_img) - tf.reduce_mean(real_img)


def generator_loss(fake_img):
    return -tf.reduce_mean(fake_img)


d_model = get_discriminator_model()
g_model = get_generator_model()
wgan = WGAN(discriminator=d_model, generator=g_model, latent_dim=noise_dim, discriminator_extra_steps=2)
wgan.compile(
    d_optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5, beta_2=0.9),
    g_optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5, beta_2=0.9),
    g_loss_fn=generator_loss,
    d_loss_fn=discriminator_loss,
    run_eagerly=True,  # eager while debugging the penalty
)
train_data = np.random.default_rng(0).normal(size=(32, data_dim)).astype("float32")
history = wgan.fit(train_data, batch_size=16, epochs=1, verbose=0)
print({k: float(v[-1]) for k, v in history.history.items()})
