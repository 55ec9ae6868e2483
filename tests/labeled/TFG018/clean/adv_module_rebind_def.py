# A notebook tried a counting loss, then replaced the name by a Keras loss object.
import numpy as np
import tensorflow as tf


def ranking_loss(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.argsort(y_pred, axis=0) != tf.argsort(y_true, axis=0), tf.float32))


ranking_loss = tf.keras.losses.MeanSquaredError()  # the counting version has no gradient

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=ranking_loss)
x = np.random.rand(32, 3).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
