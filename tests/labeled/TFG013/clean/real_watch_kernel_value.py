# source: https://github.com/keras-team/keras/issues/19155
# reported: Keras 3 tape.watch(layer.kernel) raised for a KerasVariable; the workaround discussed there is to watch and differentiate w.r.t. the underlying TF variable, layer.kernel.value.
# observed (TF 2.21): runs clean (tape.watch(kernel.value) at line 33, tape.gradient at line 35 returns a (16, 32) tensor)
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
    tape.watch(model.layers_list[1].kernel.value)  
    y = tf.reduce_sum(model(x))
grad = tape.gradient(y, model.layers_list[1].kernel.value)
print("RESULT grad", None if grad is None else grad.shape)
