# Correctly left alone: generator and discriminator share one Dense layer; each step differentiates
# the loss w.r.t. its own model's variables. TensorFlow 2.21 returns real gradients for all of them.
import keras
import tensorflow as tf

shared = keras.layers.Dense(4, activation="tanh")
gen = keras.Sequential([keras.layers.Dense(3), shared, keras.layers.Dense(3)])
disc = keras.Sequential([shared, keras.layers.Dense(1)])
z = tf.random.normal((8, 2))
real = tf.random.normal((8, 3))
gen(z)
disc(real)
with tf.GradientTape() as d_tape:
    d_loss = tf.reduce_mean(disc(gen(z))) - tf.reduce_mean(disc(real))
d_grads = d_tape.gradient(d_loss, disc.trainable_variables)
with tf.GradientTape() as g_tape:
    g_loss = -tf.reduce_mean(disc(gen(z)))
g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
