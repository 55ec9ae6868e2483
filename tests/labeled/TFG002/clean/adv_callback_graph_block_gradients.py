# The callback rebuilds a tiny probe in its own tf.Graph and takes tf.gradients there, inside
# `with graph.as_default()`, where graph-mode gradients are the right API.
# Attacks: on_* methods of a Callback subclass are taken to run eagerly.
import tensorflow as tf


class GraphProbe(tf.keras.callbacks.Callback):
    def on_train_end(self, logs=None):
        graph = tf.Graph()
        with graph.as_default():
            x = tf.constant([1.0, 2.0, 3.0])
            y = tf.reduce_sum(x ** 3)
            self.dydx = tf.gradients(y, x)[0]


probe = GraphProbe()
model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(tf.ones((4, 1)), tf.ones((4, 1)), epochs=1, verbose=0, callbacks=[probe])
print(probe.dydx)
