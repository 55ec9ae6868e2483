# Correctly left alone: a local Layer subclass inside a Sequential; the gradient is w.r.t. the layer's vars.
# TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import keras
import tensorflow as tf


class Affine(keras.layers.Layer):
    def build(self, input_shape):
        self.k = self.add_weight(shape=(input_shape[-1], 2), initializer="ones")

    def call(self, x):
        return tf.matmul(x, self.k)


aff = Affine()
net = keras.Sequential([aff, keras.layers.Dense(1)])
x = tf.ones((3, 4))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(net(x))
g = tape.gradient(loss, aff.trainable_variables)
