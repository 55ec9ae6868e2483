# source: https://github.com/keras-team/keras/issues/5521  # known-miss: tf.floor sits in a function passed to a Keras Lambda layer; Lambda callbacks are not followed
# reported: A FloorSampling function, tf.floor(x + uniform noise), turns the sigmoid outputs into 0/1 "which piano keys to press" in a Lambda output layer; training fails with "None values not supported" because tf.floor / tf.round have no gradient.
# observed (TF 2.21): tape.gradient returns None for every weight at line 45 (the only path to the loss goes through tf.floor).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, Lambda
from tensorflow.keras.models import Sequential

N_KEYS = 88


def FloorSampling(x):
    """Returns a tensor which only consists of 0s and 1s.
    Used in the output layer when the target is an operation,
    such as pressing several of the 88 piano keys at one time."""
    return tf.floor(x + tf.random.uniform(tf.shape(x), 0, 1))


def build_model(input_dim):
    model = Sequential()
    model.add(Input((input_dim,)))
    model.add(Dense(16, activation="relu"))
    model.add(Dense(N_KEYS, activation="sigmoid"))
    model.add(Lambda(FloorSampling, output_shape=lambda s: s))
    return model


def batches(x, y, batch_size):
    for i in range(0, len(x), batch_size):
        yield x[i:i + batch_size], y[i:i + batch_size]


model = build_model(12)
optimizer = tf.keras.optimizers.SGD(0.01)
loss_fn = tf.keras.losses.BinaryCrossentropy()

x_train = np.random.rand(8, 12).astype("float32")
y_train = (np.random.rand(8, N_KEYS) > 0.9).astype("float32")

for epoch in range(1):
    for xb, yb in batches(x_train, y_train, 4):
        with tf.GradientTape() as tape:
            pressed = model(xb, training=True)
            loss = loss_fn(yb, pressed)
        grads = tape.gradient(loss, model.trainable_variables)  # expect: TFG009
        print(epoch, float(loss), [g is None for g in grads])
        break
