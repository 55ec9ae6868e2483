# GAN step with two separate tapes, each used exactly once.
import tensorflow as tf

gen = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(2)])
disc = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
z = tf.random.normal([4, 2])
real = tf.random.normal([4, 2])
with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
    fake = gen(z)
    d_loss = tf.reduce_mean(disc(fake)) - tf.reduce_mean(disc(real))
    g_loss = -tf.reduce_mean(disc(fake))
d_grads = d_tape.gradient(d_loss, disc.trainable_variables)
g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
print(len(d_grads), len(g_grads))
