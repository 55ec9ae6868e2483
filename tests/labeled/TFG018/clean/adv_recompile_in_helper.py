# The model is first compiled with the hard error rate to evaluate the untrained baseline,
# then a helper recompiles it with a trainable loss before fit.
import numpy as np
import tensorflow as tf


def error_rate(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.not_equal(y_true, tf.round(y_pred)), tf.float32))


def use_training_loss(m):
    m.compile(optimizer="adam", loss="binary_crossentropy", metrics=[error_rate])


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=error_rate)
x = np.random.rand(32, 4).astype("float32")
y = (np.random.rand(32, 1) > 0.5).astype("float32")
print("baseline error", model.evaluate(x, y, verbose=0))
use_training_loss(model)
model.fit(x, y, epochs=1, verbose=0)
print("ok")
