# source: https://github.com/wandb/wandb/pull/1497
# reported: The W&B Keras callback's gradient logging broke under TF2 eager execution; the fix computes the gradients in the callback with a tf.GradientTape over the training batches and accumulates them per weight.
# observed (TF 2.21): the tape gradient in _log_gradients returns a real tensor for every trainable weight at the end of each epoch; fit finishes normally.
import numpy as np
import tensorflow as tf


class GradientLoggingCallback(tf.keras.callbacks.Callback):
    def __init__(self, log_gradients=True, training_data=None, batch_size=8):
        super().__init__()
        self.log_gradients = log_gradients
        self.training_data = training_data
        self.batch_size = batch_size
        self.history = []

    def _training_data_generator(self):
        X_train, y_train = self.training_data
        for i in range(0, len(X_train), self.batch_size):
            yield X_train[i:i + self.batch_size], y_train[i:i + self.batch_size]

    def _log_gradients(self):
        weights = self.model.trainable_weights
        grads = [np.zeros(tuple(w.shape)) for w in weights]
        for x, y in self._training_data_generator():
            with tf.GradientTape() as tape:
                y_pred = self.model(x, training=True)
                loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y, y_pred))
            batch_grads = tape.gradient(loss, weights)
            for g, bg in zip(grads, batch_grads):
                g += bg.numpy()
        metrics = {}
        for weight, grad in zip(weights, grads):
            metrics["gradients/" + weight.name + ".gradient"] = np.histogram(grad)
        return metrics

    def on_epoch_end(self, epoch, logs=None):
        if self.log_gradients:
            self.history.append(self._log_gradients())


x_train = np.random.rand(16, 8).astype('float32')
y_train = tf.keras.utils.to_categorical(np.random.randint(0, 3, size=16), 3).astype('float32')

model = tf.keras.Sequential([
    tf.keras.Input(shape=(8,)),
    tf.keras.layers.Dense(6, activation='relu'),
    tf.keras.layers.Dense(3, activation='softmax'),
])
model.compile(loss='categorical_crossentropy', optimizer='sgd')
model.fit(x_train, y_train, batch_size=8, epochs=2, verbose=0,
          callbacks=[GradientLoggingCallback(training_data=(x_train, y_train))])
