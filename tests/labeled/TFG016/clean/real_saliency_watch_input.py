# source: https://openillumi.com/en/en-gradient-tape-input-gradient-keras-tf2
# reported: Article: old K.gradients-style input gradients fail under eager execution; convert the input to a tensor, t.watch(x_tensor), call model(x_tensor) (not model.predict) inside the tape and take t.gradient(output, x_tensor).
# observed (TF 2.21): runs clean (t.gradient at line 20 returns a (3, 5) tensor)
import numpy as np
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([
    keras.Input(shape=(5,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1),
])
input_data = np.random.rand(3, 5)

x_tensor = tf.convert_to_tensor(input_data, dtype=tf.float32)
with tf.GradientTape() as t:
    t.watch(x_tensor)
    output = model(x_tensor)
result = output
gradients = t.gradient(output, x_tensor)
print("RESULT", result.shape, None if gradients is None else gradients.shape)
