# source: https://github.com/keras-team/keras/issues/19155
# reported: With Keras 3 + TF 2.15, restricting a tape (watch_accessed_variables=False) to one specific layer kernel via tape.watch(layer.kernel) raised an incompatibility error instead of giving the gradient.
# observed (TF 2.21): ValueError: Passed in object <Variable path=toy_model/dense_1/kernel, shape=(16, 32), dtype=float32, value=[[ ... (values elided) -- message ends: of type 'Variable', not tf.Tensor or tf.Variable or ExtensionType. -- raised at line 33 (tape.watch(layer.kernel))
import os
os.environ["KERAS_BACKEND"] = "tensorflow"
import numpy as np
import tensorflow as tf
import keras

keras.utils.set_random_seed(1234)


class toy_model(keras.Model):
    def __init__(self, **kwargs):
        super(toy_model, self).__init__(**kwargs)
        self.layers_list = []
        self.layers_list.append(keras.layers.Dense(units=16, activation="tanh", use_bias=True))
        self.layers_list.append(keras.layers.Dense(units=32, activation="tanh", use_bias=True))
        self.layers_list.append(keras.layers.Dense(units=1, use_bias=True))

    def call(self, inputs):
        x = inputs
        for layer in self.layers_list:
            x = layer(x)
        return x


model = toy_model()
x = tf.random.normal((8, 4))
model(x)

with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(model.layers_list[1].kernel)  # expect: TFG013
    y = tf.reduce_sum(model(x))
grad = tape.gradient(y, model.layers_list[1].kernel)
print("RESULT grad", None if grad is None else grad.shape)
