# Once a false positive (TFG001); now correctly left alone.
# What TensorFlow 2.21 really returns: a real kernel (4x3) and bias (3) gradient for `encoder`
# (runs without error; every gradient is real, non-None and non-zero)
import keras
import tensorflow as tf

encoder = keras.Sequential([keras.layers.Dense(3)])
head = keras.layers.Dense(1)
full = keras.Sequential([encoder, head])
x = tf.ones((2, 4))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(full(x) ** 2)
g = tape.gradient(loss, encoder.trainable_variables)
