# A model first compiled with a hard-label loss is compiled again with crossentropy before fit; where() keeps y_pred's gradient.
import numpy as np
import tensorflow as tf


def hard_hits(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.equal(tf.round(y_pred), y_true), tf.float32))


def clipped_bce(y_true, y_pred):
    safe = tf.where(y_pred > 1e-4, y_pred, 1e-4 * tf.ones_like(y_pred))
    return tf.reduce_mean(-y_true * tf.math.log(safe))


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=hard_hits)
model.compile(optimizer="adam", loss=clipped_bce, metrics=[hard_hits])
x = np.random.rand(8, 3).astype("float32")
y = (np.random.rand(8, 1) > 0.5).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
