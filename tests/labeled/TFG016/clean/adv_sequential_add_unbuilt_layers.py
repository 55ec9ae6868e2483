# A classifier head is stacked with Sequential.add from plain layers and trained; its
# output is read only after it is called on data, through the predictions, never
# through `.output`, so no KerasTensor reaches TensorFlow, and the tape gives every gradient.
# Attacks: Sequential().add of layers that are not a functional model.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def head(width):
    model = Sequential()
    model.add(Dense(width, activation="relu"))
    model.add(Dense(1))
    return model


model = head(4)
x = np.random.rand(8, 3).astype("float32")
with tf.GradientTape() as tape:
    pred = model(x)
    total = K.sum(pred)
grads = tape.gradient(total, model.trainable_variables)
print("RESULT", float(total), [g.shape for g in grads])
