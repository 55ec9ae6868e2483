# Both Dense layers are L2-regularized (kernel and bias); the compiled loss is a hard count.
# Every weight gets a gradient from model.losses, so fit runs (it trains the penalty only).
import numpy as np
import tensorflow as tf

reg = tf.keras.regularizers.L2(1e-3)


def miss_rate(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.not_equal(y_true, tf.round(y_pred)), tf.float32))


model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    tf.keras.layers.Dense(4, kernel_regularizer=reg, bias_regularizer=reg),
    tf.keras.layers.Dense(1, activation="sigmoid", kernel_regularizer=reg, bias_regularizer=reg),
])
model.compile(optimizer="adam", loss=miss_rate)
x = np.random.rand(32, 4).astype("float32")
y = (np.random.rand(32, 1) > 0.5).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
