# Filter visualisation from a Keras 2 tutorial: the loss is the mean activation of one filter of
# an intermediate layer's symbolic output. tf.keras.backend.mean cannot take a KerasTensor.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

inp = tf.keras.Input((12, 12, 3))
x = tf.keras.layers.Conv2D(8, 3, activation="relu", name="block1_conv1")(inp)
x = tf.keras.layers.Conv2D(8, 3, activation="relu", name="block1_conv2")(x)
model = tf.keras.Model(inp, tf.keras.layers.GlobalAveragePooling2D()(x))
layer_dict = {layer.name: layer for layer in model.layers}
filter_index = 3
layer_output = model.get_layer("block1_conv2").output
loss = K.mean(layer_output[:, :, :, filter_index])  # expect: TFG016
grads = K.gradients(loss, model.input)[0]
input_img_data = np.random.random((1, 12, 12, 3)) * 20 + 128.0
