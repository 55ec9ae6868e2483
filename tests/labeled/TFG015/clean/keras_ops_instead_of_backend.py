# Keras 3 code that keeps the few backend utilities Keras 3 still has (epsilon, floatx,
# clear_session) and uses keras.ops for the arithmetic: it runs.
import numpy as np
import keras
from keras import backend as K

K.clear_session()
inp = keras.Input((4,))
model = keras.Model(inp, keras.layers.Dense(2)(inp))
y = model(np.ones((3, 4), K.floatx()))
loss = keras.ops.mean(keras.ops.square(y)) + K.epsilon()
print(float(loss))
import tensorflow as tf

x = tf.ones((3, 4))
with tf.GradientTape() as tape:
    tape.watch(x)
    out = keras.ops.sum(model(x))
print(tape.gradient(out, x).shape)
