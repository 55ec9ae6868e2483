# Filter visualisation written for Keras 2: a backend function returns the loss and its
# gradient for an input image. Keras 3 (tf.keras since TensorFlow 2.16) has no K.function.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

inp = tf.keras.Input((8, 8, 3))
conv = tf.keras.layers.Conv2D(4, 3, name="conv")(inp)
model = tf.keras.Model(inp, tf.keras.layers.GlobalAveragePooling2D()(conv))
loss = model.output[:, 1]
iterate = K.function([model.input], [loss])  # expect: TFG015
print(iterate([np.random.rand(1, 8, 8, 3).astype("float32")]))
