# source: https://github.com/keras-team/keras/issues/17389
# reported: Asking to compute gradients with a GradientTape w.r.t. a model's symbolic input/intermediate KerasTensors; maintainers explained KerasTensors only wire up the functional graph and are not the tensors the tape records.
# observed (TF 2.21): AttributeError: 'KerasTensor' object has no attribute '_id' -- raised at line 19 (tape.gradient(loss, model.input))
import numpy as np
import tensorflow as tf
from tensorflow import keras

inputs = keras.Input(shape=(6,), name="features")
x = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

x_batch = tf.random.normal((8, 6))
y_batch = tf.random.normal((8, 1))
with tf.GradientTape() as tape:
    preds = model(x_batch)
    loss = tf.reduce_mean(tf.square(preds - y_batch))
# input-gradient penalty / saliency w.r.t. the model input
input_grads = tape.gradient(loss, model.input)  # expect: TFG016
print("RESULT", input_grads)
