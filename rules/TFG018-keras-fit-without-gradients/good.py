# The same model trained on the differentiable loss; rounding is a metric.
import numpy as np
import tensorflow as tf


def rounded_hits(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.equal(y_true, tf.round(y_pred)), tf.float32))


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rounded_hits])
x = np.random.rand(16, 3).astype("float32")
y = np.round(np.random.rand(16, 1) * 4).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
