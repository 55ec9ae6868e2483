# Once a false positive (TFG001); now correctly left alone.
# What TensorFlow 2.21 really returns: a real kernel (3x2) and bias (2) gradient for `layer`
# (runs without error; every gradient is real, non-None and non-zero)
import keras
import tensorflow as tf

layer = keras.layers.Dense(2)
inputs = keras.Input((3,))
model = keras.Model(inputs, layer(inputs))
x = tf.ones((4, 3))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(model(x) ** 2)
g = tape.gradient(loss, layer.trainable_variables)
