# A GAN written as a tf.Module with a train_step method; one non-persistent tape is used
# for both the generator and the discriminator gradients.
import tensorflow as tf


class GAN(tf.Module):
    def __init__(self):
        super().__init__()
        self.g = tf.Variable(tf.random.normal([2, 2]))
        self.d = tf.Variable(tf.random.normal([2, 1]))

    def train_step(self, noise):
        with tf.GradientTape() as tape:
            fake = noise @ self.g
            score = fake @ self.d
            d_loss = tf.reduce_mean(score)
            g_loss = -d_loss
        d_grad = tape.gradient(d_loss, [self.d])
        g_grad = tape.gradient(g_loss, [self.g])  # expect: TFG006
        return d_grad, g_grad


print(GAN().train_step(tf.random.normal([4, 2])))
