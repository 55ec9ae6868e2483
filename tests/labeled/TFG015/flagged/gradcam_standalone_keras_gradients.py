# Grad-CAM in Keras 2 style with standalone Keras imports: under Keras 3, keras.backend has no
# gradients (nor mean, nor function), so the first backend call fails.
import numpy as np
import keras
from keras import backend as K

inp = keras.Input((8, 8, 3))
conv = keras.layers.Conv2D(4, 3, name="last_conv")(inp)
out = keras.layers.Dense(2, activation="softmax")(keras.layers.Flatten()(conv))
model = keras.Model(inp, out)
img = np.random.rand(1, 8, 8, 3).astype("float32")
preds = model.predict(img, verbose=0)
class_output = model.output[:, int(np.argmax(preds[0]))]
last_conv_layer = model.get_layer("last_conv")
grads = K.gradients(class_output, last_conv_layer.output)[0]  # expect: TFG015
pooled_grads = K.mean(grads, axis=(0, 1, 2))
