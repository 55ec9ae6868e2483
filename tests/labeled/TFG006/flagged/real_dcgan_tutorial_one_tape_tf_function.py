# source: https://web-dev-qa-db-ja.com/ja/python/tf-20%EF%BC%9Aruntimeerror%EF%BC%9Agradienttapegradient%E3%81%AF%E3%80%81%E9%9D%9E%E6%B0%B8%E7%B6%9A%E7%9A%84%E3%81%AA%E3%83%86%E3%83%BC%E3%83%97%E3%81%A71%E5%9B%9E%E3%81%A0%E3%81%91%E5%91%BC%E3%81%B3%E5%87%BA%E3%81%99%E3%81%93%E3%81%A8%E3%81%8C%E3%81%A7%E3%81%8D%E3%81%BE%E3%81%99/809781426 (mirror of a Stack Overflow question)
# reported: Starting from the TF 2.0 DCGAN guide, the user replaced gen_tape/disc_tape by a single tape inside the @tf.function train_step and got "RuntimeError: GradientTape.gradient can only be called once on non-persistent tapes".
# observed (TF 2.21): the discriminator's tape.gradient raises RuntimeError (non-persistent tape) at line 64, while tracing train_step.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

BATCH_SIZE = 4
noise_dim = 6


def make_generator_model():
    model = tf.keras.Sequential()
    model.add(layers.Input((noise_dim,)))
    model.add(layers.Dense(7 * 7 * 2, use_bias=False))
    model.add(layers.BatchNormalization())
    model.add(layers.LeakyReLU())
    model.add(layers.Reshape((7, 7, 2)))
    model.add(layers.Conv2DTranspose(1, (3, 3), strides=(2, 2), padding='same', use_bias=False, activation='tanh'))
    return model


def make_discriminator_model():
    model = tf.keras.Sequential()
    model.add(layers.Input((14, 14, 1)))
    model.add(layers.Conv2D(4, (3, 3), strides=(2, 2), padding='same'))
    model.add(layers.LeakyReLU())
    model.add(layers.Dropout(0.3))
    model.add(layers.Flatten())
    model.add(layers.Dense(1))
    return model


generator = make_generator_model()
discriminator = make_discriminator_model()
cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_output, fake_output):
    real_loss = cross_entropy(tf.ones_like(real_output), real_output)
    fake_loss = cross_entropy(tf.zeros_like(fake_output), fake_output)
    total_loss = real_loss + fake_loss
    return total_loss


def generator_loss(fake_output):
    return cross_entropy(tf.ones_like(fake_output), fake_output)


generator_optimizer = tf.keras.optimizers.Adam(1e-4)
discriminator_optimizer = tf.keras.optimizers.Adam(1e-4)


@tf.function
def train_step(images):
    noise = tf.random.normal([BATCH_SIZE, noise_dim])
    with tf.GradientTape() as tape:
        generated_images = generator(noise, training=True)
        real_output = discriminator(images, training=True)
        fake_output = discriminator(generated_images, training=True)
        gen_loss = generator_loss(fake_output)
        disc_loss = discriminator_loss(real_output, fake_output)
    gradients_of_generator = tape.gradient(gen_loss, generator.trainable_variables)
    gradients_of_discriminator = tape.gradient(disc_loss, discriminator.trainable_variables)  # expect: TFG006
    generator_optimizer.apply_gradients(zip(gradients_of_generator, generator.trainable_variables))
    discriminator_optimizer.apply_gradients(zip(gradients_of_discriminator, discriminator.trainable_variables))


def train(dataset, epochs):
    for epoch in range(epochs):
        for image_batch in dataset:
            train_step(image_batch)


train_images = np.random.uniform(-1, 1, size=(BATCH_SIZE, 14, 14, 1)).astype('float32')
train_dataset = tf.data.Dataset.from_tensor_slices(train_images).batch(BATCH_SIZE)
train(train_dataset, 1)
