# source: https://github.com/keras-team/keras/issues/16663
# reported: A ranking loss built by a factory, calculate_loss(pad_val, max_val), compares tf.argsort(tf.argsort(...)) ranks of labels and predictions; fit fails with "No gradients provided for any variable" and works when the factory returns 'mse'.
# observed (TF 2.21): model.fit raises ValueError: No gradients provided for any variable. at line 41; the inner tf.argsort on line 21 has no gradient.
import random

import numpy as np
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Dense, Dropout, Input

MAX_LEN = 8
PAD = -1.0


def calculate_loss(pad_val, max_val):
    def loss(y_true, y_pred):
        pad_indices = tf.where(y_true == pad_val)
        y_true = tf.tensor_scatter_nd_update(
            y_true, pad_indices, tf.ones(tf.shape(pad_indices)[0], y_true.dtype) * max_val)
        actual_orders = tf.argsort(tf.argsort(y_true))
        predicted_orders = tf.argsort(tf.argsort(y_pred))  # expect: TFG018
        return tf.reduce_sum(tf.abs(actual_orders - predicted_orders))

    return loss  # change this with 'mse' and the error is gone


def create_model(n_in):
    inputs = Input((n_in,))
    hidden = Dense(16, activation="relu")(inputs)
    hidden = Dropout(0.1)(hidden)
    outputs = Dense(MAX_LEN)(hidden)
    return Model(inputs, outputs)


features = np.random.rand(16, 10).astype("float32")
orders = np.array([random.sample(range(MAX_LEN), MAX_LEN) for _ in range(16)], dtype="float32")
orders[:, -2:] = PAD

model = create_model(10)
model.compile(optimizer="adam", loss=calculate_loss(PAD, MAX_LEN))
model.fit(features, orders, epochs=1, batch_size=8, verbose=0)  # raises: TFG018
