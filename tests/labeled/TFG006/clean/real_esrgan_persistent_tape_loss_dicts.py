# source: https://github.com/peteryuX/esrgan-tf2/issues/5
# reported: A user asked why the ESRGAN train_step does not freeze G or D; the step uses one persistent tape, collects the generator and discriminator losses in dicts, sums them with tf.add_n and takes two gradients from the same tape.
# observed (TF 2.21): both tape.gradient calls return real gradients (the tape is persistent); the step runs without error.
import numpy as np
import tensorflow as tf

cfg = {'w_pixel': 0.01, 'w_feature': 1.0, 'w_gan': 0.005}


def RRDB_Model(size, channel, name='RRDB_model'):
    lr_in = tf.keras.Input([size, size, channel])
    x = tf.keras.layers.Conv2D(4, 3, padding='same', activation='relu',
                               kernel_regularizer=tf.keras.regularizers.l2(1e-4))(lr_in)
    x = tf.keras.layers.UpSampling2D()(x)
    out = tf.keras.layers.Conv2D(channel, 3, padding='same')(x)
    return tf.keras.Model(lr_in, out, name=name)


def DiscriminatorVGG128(size, channel, name='Discriminator_VGG_128'):
    img_in = tf.keras.Input([size, size, channel])
    x = tf.keras.layers.Conv2D(4, 3, strides=2, padding='same',
                               kernel_regularizer=tf.keras.regularizers.l2(1e-4))(img_in)
    x = tf.keras.layers.LeakyReLU(0.2)(x)
    x = tf.keras.layers.Flatten()(x)
    out = tf.keras.layers.Dense(1)(x)
    return tf.keras.Model(img_in, out, name=name)


def PixelLoss():
    l1 = tf.keras.losses.MeanAbsoluteError()
    return lambda hr, sr: l1(hr, sr)


def ContentLoss():
    l1 = tf.keras.losses.MeanAbsoluteError()

    def content_loss(hr, sr):
        # stands in for the VGG feature extractor of the original
        return l1(tf.nn.avg_pool2d(hr, 2, 2, 'VALID'), tf.nn.avg_pool2d(sr, 2, 2, 'VALID'))
    return content_loss


def DiscriminatorLoss():
    cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=False)
    sigma = tf.sigmoid

    def discriminator_loss_ragan(hr, sr):
        return 0.5 * (
            cross_entropy(tf.ones_like(hr), sigma(hr - tf.reduce_mean(sr))) +
            cross_entropy(tf.zeros_like(sr), sigma(sr - tf.reduce_mean(hr))))
    return discriminator_loss_ragan


def GeneratorLoss():
    cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=False)
    sigma = tf.sigmoid

    def generator_loss_ragan(hr, sr):
        return 0.5 * (
            cross_entropy(tf.ones_like(sr), sigma(sr - tf.reduce_mean(hr))) +
            cross_entropy(tf.zeros_like(hr), sigma(hr - tf.reduce_mean(sr))))
    return generator_loss_ragan


generator = RRDB_Model(4, 3)
discriminator = DiscriminatorVGG128(8, 3)
optimizer_G = tf.keras.optimizers.Adam(1e-4, beta_1=0.9, beta_2=0.99)
optimizer_D = tf.keras.optimizers.Adam(1e-4, beta_1=0.9, beta_2=0.99)
pixel_loss_fn = PixelLoss()
fea_loss_fn = ContentLoss()
gen_loss_fn = GeneratorLoss()
dis_loss_fn = DiscriminatorLoss()


@tf.function
def train_step(lr, hr):
    with tf.GradientTape(persistent=True) as tape:
        sr = generator(lr, training=True)
        hr_output = discriminator(hr, training=True)
        sr_output = discriminator(sr, training=True)

        losses_G = {}
        losses_D = {}
        losses_G['reg'] = tf.reduce_sum(generator.losses)
        losses_D['reg'] = tf.reduce_sum(discriminator.losses)
        losses_G['pixel'] = cfg['w_pixel'] * pixel_loss_fn(hr, sr)
        losses_G['feature'] = cfg['w_feature'] * fea_loss_fn(hr, sr)
        losses_G['gan'] = cfg['w_gan'] * gen_loss_fn(hr_output, sr_output)
        losses_D['gan'] = dis_loss_fn(hr_output, sr_output)
        total_loss_G = tf.add_n([l for l in losses_G.values()])
        total_loss_D = tf.add_n([l for l in losses_D.values()])

    grads_G = tape.gradient(
        total_loss_G, generator.trainable_variables)
    grads_D = tape.gradient(
        total_loss_D, discriminator.trainable_variables)
    optimizer_G.apply_gradients(
        zip(grads_G, generator.trainable_variables))
    optimizer_D.apply_gradients(
        zip(grads_D, discriminator.trainable_variables))

    return total_loss_G, total_loss_D, losses_G, losses_D


lr = tf.constant(np.random.rand(2, 4, 4, 3).astype('float32'))
hr = tf.constant(np.random.rand(2, 8, 8, 3).astype('float32'))
total_loss_G, total_loss_D, losses_G, losses_D = train_step(lr, hr)
print('G', float(total_loss_G), 'D', float(total_loss_D))
