# source: https://github.com/baumgach/SonoNet-weights/issues/2
# reported: User computing a saliency map with saliency = K.gradients(K.sum(model.output), model.input) and K.function([model.input, K.learning_phase()], saliency) could not get a usable map.
# observed (TF 2.21): ValueError: A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing Keras Functional models or Keras Functions. (message continues) -- raised at line 25 (K.sum(model.output) inside K.gradients(...)); K.function/K.learning_phase at line 26 never reached
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K


def SonoNetLike(input_shape=(48, 48, 1), n_classes=14):
    img = keras.Input(shape=input_shape)
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu")(img)
    x = keras.layers.BatchNormalization()(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    x = keras.layers.Conv2D(n_classes, 1)(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    out = keras.layers.Softmax()(x)
    return keras.Model(img, out)


model = SonoNetLike()
frame = np.random.rand(1, 48, 48, 1).astype("float32")

saliency = K.gradients(K.sum(model.output), model.input)  # expect: TFG016
get_saliency = K.function([model.input, K.learning_phase()], saliency)
smap = get_saliency([frame, 0])[0]
smap = np.abs(smap).max(axis=-1)
print("RESULT saliency", smap.shape)
