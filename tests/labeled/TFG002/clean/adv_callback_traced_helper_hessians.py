# The callback's on_epoch_end runs eagerly, but the curvature it logs is computed by a
# @tf.function method, where tf.hessians is allowed.
# Attacks: on_* methods run eagerly, and self.helper() runs eagerly when its caller does.
import tensorflow as tf


class CurvatureLogger(tf.keras.callbacks.Callback):
    def __init__(self, x, y):
        super().__init__()
        self.x = x
        self.y = y
        self.trace = []

    @tf.function
    def _curvature(self, w):
        loss = tf.reduce_mean(tf.square(self.x @ w - self.y))
        return tf.hessians(loss, w)[0]

    def on_epoch_end(self, epoch, logs=None):
        kernel = self.model.layers[-1].kernel.value
        h = self._curvature(tf.convert_to_tensor(kernel))
        self.trace.append(float(tf.linalg.trace(tf.reshape(h, (2, 2)))))


x = tf.random.normal((16, 2))
y = tf.random.normal((16, 1))
model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1, use_bias=False)])
model.compile(optimizer="sgd", loss="mse")
logger = CurvatureLogger(x, y)
model.fit(x, y, epochs=2, verbose=0, callbacks=[logger])
print(logger.trace)
