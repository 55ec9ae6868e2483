# Feature-visualisation code from the Keras 2 days wraps a functional backbone in a
# Sequential with add() and sums the output of its last layer with K.sum: the Sequential is
# built on the backbone's inputs, so that output is a KerasTensor and TensorFlow rejects it.
# Attacks: a Sequential grown by add() from a functional model handed in by the caller.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model, Sequential


def backbone():
    inp = Input(shape=(6,))
    hidden = Dense(4, activation="tanh", name="features")(inp)
    return Model(inp, hidden)


def stacked_score(base):
    model = Sequential()
    model.add(base)
    model.add(Dense(1))
    score = K.sum(model.layers[-1].output)  # expect: TFG016
    return score


net = backbone()
print(net.predict(np.ones((1, 6)), verbose=0).shape)
print("RESULT", stacked_score(net))
