# GAN step with an aliased tape class: generator and discriminator gradients from one tape.
import tensorflow as tf
from tensorflow import GradientTape as Tape

gen = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(2)])
disc = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
z = tf.random.normal([4, 2])
real = tf.random.normal([4, 2])


def train_step():
    with Tape() as tape:
        fake = gen(z)
        d_loss = tf.reduce_mean(disc(fake)) - tf.reduce_mean(disc(real))
        g_loss = -tf.reduce_mean(disc(fake))
    d_grads = tape.gradient(d_loss, disc.trainable_variables)
    g_grads = tape.gradient(g_loss, gen.trainable_variables)  # expect: TFG006
    return d_grads, g_grads


train_step()
