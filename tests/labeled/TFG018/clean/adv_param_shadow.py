# A training function takes its loss as a parameter (default MSE) whose name matches a
# module-level hard metric.
import numpy as np
import tensorflow as tf


def hits(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.equal(y_true, tf.round(y_pred)), tf.float32))


def train(x, y, hits=tf.keras.losses.MeanSquaredError()):
    model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=hits)
    model.fit(x, y, epochs=1, verbose=0)
    return model


x = np.random.rand(32, 3).astype("float32")
y = np.random.rand(32, 1).astype("float32")
train(x, y)
print("ok")
