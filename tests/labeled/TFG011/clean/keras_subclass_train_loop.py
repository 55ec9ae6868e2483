# Correctly left alone: a local keras.Model subclass trained with a tape in a loop.
# TensorFlow 2.21 returns real gradients for every variable. (every gradient is real and non-zero)
import keras
import tensorflow as tf


class MLP(keras.Model):
    def __init__(self):
        super().__init__()
        self.h = keras.layers.Dense(8, activation="tanh")
        self.out = keras.layers.Dense(1)

    def call(self, x):
        return self.out(self.h(x))


model = MLP()
opt = keras.optimizers.SGD(0.01)
x = tf.random.normal((16, 2))
y = tf.reduce_sum(x, axis=1, keepdims=True)
for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
