# A callback logs the curvature of a probe loss at the end of each epoch with tf.hessians;
# Keras calls on_epoch_end eagerly, where tf.hessians raises.
import tensorflow as tf


class CurvatureLogger(tf.keras.callbacks.Callback):
    def __init__(self, x):
        super().__init__()
        self.x = x

    def on_epoch_end(self, epoch, logs=None):
        w = tf.constant([1.0, 2.0])
        loss = tf.reduce_sum(tf.square(w * self.x))
        h = tf.hessians(loss, w)  # expect: TFG002
        print(epoch, h)


model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(tf.ones((4, 1)), tf.ones((4, 1)), epochs=1, verbose=0,
          callbacks=[CurvatureLogger(tf.constant([0.5, 0.5]))])
