# A functional model's output is Lambda(binarize), a comparison cast to float: fit on it has no gradient for any weight.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


def binarize(t):
    return tf.cast(t > 0.5, tf.float32)  # expect: TFG018


inputs = layers.Input((4,))
h = layers.Dense(8, activation="sigmoid")(inputs)
outputs = layers.Lambda(binarize)(h)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(8, 4).astype("float32"), np.ones((8, 8), "float32"), verbose=0)  # raises: TFG018
