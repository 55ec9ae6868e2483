# source: https://github.com/manicman1999/StyleGAN2-Tensorflow-2.0/issues/14
# reported: A user asked whether the StyleGAN2 trainer's two tapes (gen_tape, disc_tape) could be merged into a single `with tf.GradientTape() as tape` used for both the generator and the discriminator gradients; the answer: the tape releases its resources after the first gradient call.
# observed (TF 2.21): the second tape.gradient (discriminator) raises RuntimeError "A non-persistent GradientTape can only be used to compute one set of gradients" at line 59.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, Model

latent_size = 8
im_size = 8
BATCH_SIZE = 2


class GAN(object):
    def __init__(self, lr=0.0001):
        self.D = None
        self.G = None
        self.GM = None
        self.LR = lr
        self.discriminator()
        self.generator()
        self.GMO = tf.keras.optimizers.Adam(learning_rate=self.LR, beta_1=0, beta_2=0.999)
        self.DMO = tf.keras.optimizers.Adam(learning_rate=self.LR, beta_1=0, beta_2=0.999)

    def discriminator(self):
        d_input = layers.Input(shape=[im_size, im_size, 3])
        x = layers.Conv2D(4, 3, padding="same")(d_input)
        x = layers.LeakyReLU(0.2)(x)
        x = layers.Flatten()(x)
        x = layers.Dense(1)(x)
        self.D = Model(inputs=d_input, outputs=x)
        return self.D

    def generator(self):
        s_input = layers.Input(shape=[latent_size])
        x = layers.Dense(im_size * im_size * 3)(s_input)
        x = layers.Reshape([im_size, im_size, 3])(x)
        self.GM = Model(inputs=s_input, outputs=x)
        return self.GM


class StyleGAN(object):
    def __init__(self, lr=0.0001):
        self.GAN = GAN(lr=lr)
        self.pl_mean = 0

    def train_step(self, images, style):
        # one tape instead of gen_tape / disc_tape
        with tf.GradientTape() as tape:
            generated_images = self.GAN.GM(style, training=True)
            real_output = self.GAN.D(images, training=True)
            fake_output = self.GAN.D(generated_images, training=True)

            # hinge loss
            divergence = tf.keras.backend.mean(tf.keras.backend.relu(1 + real_output) + tf.keras.backend.relu(1 - fake_output))
            disc_loss = divergence
            gen_loss = tf.keras.backend.mean(fake_output)

        gradients_of_generator = tape.gradient(gen_loss, self.GAN.GM.trainable_variables)
        gradients_of_discriminator = tape.gradient(disc_loss, self.GAN.D.trainable_variables)  # expect: TFG006

        self.GAN.GMO.apply_gradients(zip(gradients_of_generator, self.GAN.GM.trainable_variables))
        self.GAN.DMO.apply_gradients(zip(gradients_of_discriminator, self.GAN.D.trainable_variables))
        return disc_loss, gen_loss, divergence


model = StyleGAN(lr=0.0001)
images = np.random.uniform(-1, 1, size=(BATCH_SIZE, im_size, im_size, 3)).astype("float32")
style = np.random.normal(size=(BATCH_SIZE, latent_size)).astype("float32")
a, b, c = model.train_step(images, style)
print("D:", np.array(a), "G:", np.array(b))
