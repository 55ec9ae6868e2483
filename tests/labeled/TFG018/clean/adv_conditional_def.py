# The hard loss is the default; a config flag swaps in a smooth version of the same name.
import numpy as np
import tensorflow as tf

SMOOTH = True


def direction_loss(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.sign(y_true) != tf.sign(y_pred), tf.float32))


if SMOOTH:
    def direction_loss(y_true, y_pred):
        return tf.reduce_mean(tf.nn.softplus(-y_true * y_pred))


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=direction_loss)
x = np.random.randn(32, 3).astype("float32")
y = np.random.randn(32, 1).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
