# A feature-extraction script imports K.function by name; the import itself fails in
# TensorFlow 2.21, whose tf.keras backend (Keras 3) has no function.
import numpy as np
import tensorflow as tf
from tensorflow.keras.backend import function  # expect: TFG015

inp = tf.keras.Input((4,))
hidden = tf.keras.layers.Dense(3, name="hidden")(inp)
model = tf.keras.Model(inp, tf.keras.layers.Dense(1)(hidden))
features = function([model.input], [model.get_layer("hidden").output])
print(features([np.ones((2, 4), "float32")]))
