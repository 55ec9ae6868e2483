# source: https://github.com/keras-team/keras/issues/5521
# reported: The output layer of a piano-key model is Lambda(FloorSampling), tf.floor(x + uniform noise) so that keys are 0/1; model.fit fails with "None values not supported" because floor has no gradient.
# observed (TF 2.21): model.fit raises ValueError: No gradients provided for any variable. at line 33; tf.floor on line 15 has no gradient.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, Lambda
from tensorflow.keras.models import Sequential

N_KEYS = 88
N_STEPS = 12


def FloorSampling(x):
    """0s and 1s only: which of the 88 piano keys are pressed."""
    return tf.floor(x + tf.random.uniform(tf.shape(x), 0, 1))  # expect: TFG018


def build_model(input_dim):
    model = Sequential()
    model.add(Input((input_dim,)))
    model.add(Dense(32, activation="relu"))
    model.add(Dense(N_KEYS, activation="sigmoid"))
    model.add(Lambda(FloorSampling, output_shape=lambda s: s))
    model.compile(loss="binary_crossentropy", optimizer="rmsprop")
    return model


x_train = np.random.rand(16, N_STEPS).astype("float32")
y_train = (np.random.rand(16, N_KEYS) > 0.9).astype("float32")

model = build_model(N_STEPS)
model.summary()
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)  # raises: TFG018
