# The model is compiled with the hard metric as loss for a baseline evaluate, then recompiled
# through another name for training.
import numpy as np
import tensorflow as tf


def error_rate(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.not_equal(y_true, tf.round(y_pred)), tf.float32))


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=error_rate)
x = np.random.rand(32, 4).astype("float32")
y = (np.random.rand(32, 1) > 0.5).astype("float32")
print("baseline", model.evaluate(x, y, verbose=0))
models = {"clf": model}
models["clf"].compile(optimizer="adam", loss="binary_crossentropy", metrics=[error_rate])
model.fit(x, y, epochs=1, verbose=0)
print("ok")
