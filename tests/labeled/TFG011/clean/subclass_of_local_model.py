# Correctly left alone: a subclass of a local keras.Model subclass, trained with tape.gradient.
# TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import keras
import tensorflow as tf


class Base(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = keras.layers.Dense(3)

    def call(self, x):
        return self.d(x)


class WithHead(Base):
    def __init__(self):
        super().__init__()
        self.head = keras.layers.Dense(1)

    def call(self, x):
        return self.head(super().call(x))


model = WithHead()
x = tf.ones((2, 5))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(model(x) ** 2)
grads = tape.gradient(y, model.trainable_variables)
