# source: https://github.com/keras-team/keras/issues/6215
# reported: A user wants weight-gradient histograms in TensorBoard and adds graph-style gradient ops for model.total_loss to the TensorBoard callback; the gradient tensors cannot be evaluated from inside the callback.
# observed (TF 2.21): under Keras 3 / TF2 the callback runs eagerly after each epoch, so tf.gradients in _log_gradients raises RuntimeError at line 34 at the end of epoch 1.
import numpy as np
import tensorflow as tf


class GradHistogramTensorBoard(tf.keras.callbacks.Callback):
    def __init__(self, log_dir='./logs', histogram_freq=1, write_grads=True, grad_batch=None):
        super().__init__()
        self.log_dir = log_dir
        self.histogram_freq = histogram_freq
        self.write_grads = write_grads
        self.grad_batch = grad_batch
        self.histograms = {}

    def set_model(self, model):
        super().set_model(model)
        self.histograms = {}

    def on_epoch_end(self, epoch, logs=None):
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            for layer in self.model.layers:
                for weight in layer.weights:
                    self.histograms[weight.name] = np.histogram(weight.numpy())
            if self.write_grads:
                self._log_gradients(epoch)

    def _log_gradients(self, epoch):
        x_batch, y_batch = self.grad_batch
        y_pred = self.model(x_batch)
        total_loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y_batch, y_pred))
        weights = self.model.trainable_weights
        grads = tf.gradients(total_loss, weights)  # expect: TFG002
        for weight, grad in zip(weights, grads):
            self.histograms['{}_grad'.format(weight.name)] = np.histogram(grad.numpy())


x_train = np.random.rand(16, 8).astype('float32')
y_train = tf.keras.utils.to_categorical(np.random.randint(0, 3, size=16), 3)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(8,)),
    tf.keras.layers.Dense(6, activation='relu'),
    tf.keras.layers.Dense(3, activation='softmax'),
])
model.compile(loss='categorical_crossentropy', optimizer='sgd')

tensorboard = GradHistogramTensorBoard(histogram_freq=1, write_grads=True,
                                       grad_batch=(x_train[:4], y_train[:4]))
model.fit(x_train, y_train, batch_size=8, epochs=2, verbose=0, callbacks=[tensorboard])
