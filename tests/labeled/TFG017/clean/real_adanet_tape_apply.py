# source: https://github.com/tensorflow/adanet/issues/137
# reported: A simple DNN generator called self._optimizer.minimize(...) with an already-computed loss tensor and failed ('Tensor' object is not callable); the answer: compute the loss inside a GradientTape, tape.gradient, then optimizer.apply_gradients.
# observed (TF 2.21): runs clean (tape.gradient at line 26, apply_gradients at line 28)
import numpy as np
import tensorflow as tf


class _SimpleDNNBuilder(object):
    def __init__(self, optimizer, layer_size, num_layers):
        self._optimizer = optimizer
        self._model = tf.keras.Sequential(
            [tf.keras.Input(shape=(10,))]
            + [tf.keras.layers.Dense(layer_size, activation="relu") for _ in range(num_layers)]
            + [tf.keras.layers.Dense(1)])

    def build_subnetwork_train_op(self, features, labels):
        var_list = self._model.trainable_variables

        def loss():
            logits = self._model(features)
            return tf.reduce_mean(tf.square(labels - logits))

        with tf.GradientTape() as tape:
            # the loss computation is inside the tape scope
            _loss = loss()
        grads = tape.gradient(_loss, var_list)
        grads_and_vars = zip(grads, var_list)
        self._optimizer.apply_gradients(grads_and_vars)
        return _loss


builder = _SimpleDNNBuilder(tf.keras.optimizers.Adam(0.01), layer_size=16, num_layers=2)
features = tf.constant(np.random.rand(32, 10).astype("float32"))
labels = tf.constant(np.random.rand(32, 1).astype("float32"))
for step in range(5):
    l = builder.build_subnetwork_train_op(features, labels)
print("RESULT loss", float(l))
