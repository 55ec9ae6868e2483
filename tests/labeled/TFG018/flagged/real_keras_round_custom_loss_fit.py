# source: https://github.com/keras-team/keras/issues/4175
# reported: A custom loss rounds the predictions with K.round(y_pred) before comparing them to the labels; model.fit fails ("None values not supported" in Keras 1), and works once K.round is removed.
# observed (TF 2.21): model.fit raises ValueError: No gradients provided for any variable. at line 37; K.round on line 15 has no gradient.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Dropout, Input
from tensorflow.keras.models import Sequential

batch_size = 8
n_features = 6


def rounded_error(y_true, y_pred):
    y_pred_rounded = K.round(y_pred)  # expect: TFG018
    return K.mean(K.abs(y_true - y_pred_rounded), axis=-1)


def build(n_in):
    model = Sequential()
    model.add(Input((n_in,)))
    model.add(Dense(16, activation="relu"))
    model.add(Dropout(0.2))
    model.add(Dense(2, activation="sigmoid"))
    return model


rng = np.random.default_rng(0)
x_train = rng.normal(size=(32, n_features)).astype("float32")
y_train = (rng.uniform(size=(32, 2)) > 0.5).astype("float32")
class_weight_A = 1.0
train_weight = np.ones(32, dtype="float32") * class_weight_A

model = build(n_features)
model.compile(loss=rounded_error, optimizer="sgd", metrics=["accuracy"])
early_stopping = tf.keras.callbacks.EarlyStopping(monitor="loss", patience=3)
history = model.fit(x_train, y_train, epochs=2, batch_size=batch_size, shuffle=True,  # raises: TFG018
                    verbose=0, sample_weight=train_weight, callbacks=[early_stopping])
print(history.history)
