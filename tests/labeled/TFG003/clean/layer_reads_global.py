# Correctly left alone: a local Layer subclass reads a module-level tensor in call(); it is watched before
# the layer runs. TensorFlow 2.21 returns 4.0 (sum of ones). (every gradient is real and non-zero)
import keras
import tensorflow as tf

scale = tf.constant(2.0)


class Scaled(keras.layers.Layer):
    def call(self, inputs):
        return inputs * scale


layer = Scaled()
with tf.GradientTape() as tape:
    tape.watch(scale)
    y = tf.reduce_sum(layer(tf.ones((2, 2))))
g = tape.gradient(y, scale)
