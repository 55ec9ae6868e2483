# source: https://github.com/tensorlayer/TensorLayer/issues/1147  # known-miss: the network is a functional tf.keras.Model(inputs, outputs) whose Dense layers are chained in a loop; only Sequential models are read
# reported: A functional Keras model (Dense layers built in a loop over layers = [2, 10, 10, 10, 1]) needs the second derivative of its output with respect to its inputs; with TensorLayer activations y_xx is None, and with tf.nn.leaky_relu instead it "prints some numbers", which the user took as working.
# observed (TF 2.21): with tf.nn.leaky_relu the persistent tape's second gradient returns all zeros at line 24 (the network is piecewise linear); the first gradient at line 23 has values
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

layers = [2, 10, 10, 10, 1]
inputs = tf.keras.layers.Input(shape=(layers[0],), dtype="float64")
x = inputs
for width in layers[1:-1]:
    x = Dense(width,
              activation=tf.nn.leaky_relu,
              kernel_initializer='glorot_normal',
              dtype="float64")(x)
outputs = Dense(layers[-1], dtype="float64")(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)

data = tf.convert_to_tensor(np.random.rand(10, 2))
with tf.GradientTape(persistent=True) as tape:
    tape.watch(data)
    y = model(data)
    y_x = tape.gradient(y, data)
y_xx = tape.gradient(y_x, data)  # expect: TFG020
print(y_x)
print(y_xx)
