# A GAN trainer watches its discriminator's weights "to be safe"; the discriminator is a Keras 3
# model held in a field, whose variables the tape refuses.
import tensorflow as tf


class GAN:
    def __init__(self):
        self.gen = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(3)])
        self.disc = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
        self.d_opt = tf.keras.optimizers.Adam(1e-3)

    def d_step(self, real, z):
        with tf.GradientTape() as tape:
            tape.watch(self.disc.trainable_weights)  # expect: TFG013
            fake = self.gen(z)
            loss = tf.reduce_mean(self.disc(fake)) - tf.reduce_mean(self.disc(real))
        grads = tape.gradient(loss, self.disc.trainable_weights)
        self.d_opt.apply_gradients(zip(grads, self.disc.trainable_weights))
        return loss


gan = GAN()
print(float(gan.d_step(tf.random.normal((4, 3)), tf.random.normal((4, 2)))))
