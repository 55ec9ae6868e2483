# Autoencoder pretraining step: the loss only uses the encoder, but the gradient is
# taken with respect to the decoder's variables.
import keras
import tensorflow as tf

encoder = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
decoder = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4)])
x = tf.random.normal([3, 4])

with tf.GradientTape() as tape:
    code = encoder(x)
    loss = tf.reduce_mean(code ** 2)
grads = tape.gradient(loss, decoder.trainable_variables)  # expect: TFG011
print(grads)
