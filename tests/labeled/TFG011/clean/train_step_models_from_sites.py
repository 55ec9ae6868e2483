# Correctly left alone: one train_step helper called for two models (parameters take the model kind).
# TensorFlow 2.21 returns real gradients for both models. (every gradient is real and non-zero)
import keras
import tensorflow as tf

enc = keras.Sequential([keras.layers.Dense(4)])
dec = keras.Sequential([keras.layers.Dense(2)])


def train_step(model, opt, x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    return loss


x = tf.random.normal((8, 3))
train_step(enc, keras.optimizers.Adam(1e-3), x, tf.zeros((8, 4)))
train_step(dec, keras.optimizers.Adam(1e-3), x, tf.zeros((8, 2)))
