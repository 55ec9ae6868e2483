# False positive: tflint-grad reports TFG001 here.
# TensorFlow 2.21 runs this without error and every gradient call returns a real,
# non-None, non-zero gradient.
import keras
import tensorflow as tf

encoder = keras.Sequential([keras.layers.Dense(3)])
head = keras.layers.Dense(1)
full = keras.Sequential([encoder, head])
x = tf.ones((2, 4))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(full(x) ** 2)
g = tape.gradient(loss, encoder.trainable_variables)
