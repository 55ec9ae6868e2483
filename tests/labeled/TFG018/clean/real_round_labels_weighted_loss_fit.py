# source: https://github.com/keras-team/keras/issues/4175 (the answer: round the labels or keep rounding in a metric, not in the loss's path from y_pred)
# reported: After the K.round(y_pred) loss failed, the user rounded only the noisy targets and kept rounding of predictions as a metric; training ran.
# observed (TF 2.21): model.fit trains; K.round touches y_true only, and the rounded-prediction accuracy is a metric.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


def weighted_error(y_true, y_pred):
    clean_true = K.round(y_true)
    weights = 1.0 + K.cast(K.equal(clean_true, 1.0), "float32")
    return K.mean(weights * K.square(clean_true - y_pred), axis=-1)


def rounded_accuracy(y_true, y_pred):
    return K.mean(K.cast(K.equal(K.round(y_true), K.round(y_pred)), "float32"))


model = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(8, activation="relu"),
                             tf.keras.layers.Dense(2, activation="sigmoid")])
model.compile(loss=weighted_error, optimizer="sgd", metrics=[rounded_accuracy])
x = np.random.rand(32, 6).astype("float32")
y = np.clip(np.random.rand(32, 2) + 0.1 * np.random.randn(32, 2), 0, 1).astype("float32")
history = model.fit(x, y, epochs=2, batch_size=8, verbose=0)
print(history.history["loss"])
