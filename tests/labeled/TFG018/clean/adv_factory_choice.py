# A loss factory returns the soft loss or the hard one by name; training uses the soft one.
import numpy as np
import tensorflow as tf


def make_loss(kind):
    def soft(y_true, y_pred):
        return tf.reduce_mean(tf.keras.losses.binary_crossentropy(y_true, y_pred))

    def hard(y_true, y_pred):
        return tf.reduce_mean(tf.cast(tf.not_equal(y_true, tf.round(y_pred)), tf.float32))

    if kind == "soft":
        return soft
    return hard


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=make_loss("soft"))
x = np.random.rand(32, 4).astype("float32")
y = (np.random.rand(32, 1) > 0.5).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
