# source: https://github.com/keras-team/keras/issues/12057
# reported: A user wanted a custom loss that takes y_pred.numpy(), runs an external evaluation tool on it and adds the result to the MSE term, and asked whether that can work; the answer: the numpy part is not on the gradient path, it only adds a constant, the MSE part still trains.
# observed (TF 2.21): with run_eagerly=True the loss runs, .numpy() works, and the gradient Keras takes inside fit (and the explicit tape.gradient below) is real for every weight, coming only from the MSE term.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K


def external_eval(wave):
    """Stands in for writing the wave to disk and running './tools/EVAL +16000 file'."""
    return float(np.mean(np.abs(np.diff(wave, axis=-1))))


def mse_my_loss(y_true, y_pred):
    Q1 = K.mean(K.square(y_pred - y_true), axis=-1)
    y_in = y_pred.numpy()
    loss = external_eval(y_in)
    return Q1 + loss


model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(8)])
model.compile(optimizer="adam", loss=mse_my_loss, run_eagerly=True)
x = np.random.rand(6, 8).astype("float32")
y = np.random.rand(6, 8).astype("float32")
model.fit(x, y, epochs=1, batch_size=3, verbose=0)

with tf.GradientTape() as tape:
    loss_value = tf.reduce_mean(mse_my_loss(tf.constant(y), model(x)))
grads = tape.gradient(loss_value, model.trainable_variables)
print(float(loss_value), [g.shape for g in grads])
