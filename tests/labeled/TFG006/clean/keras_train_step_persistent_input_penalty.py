# Correct TensorFlow that tflint-grad rightly leaves alone (every gradient is real).
# A keras train_step with one persistent tape used twice: data loss and a penalty on the inputs.
import keras
import numpy as np
import tensorflow as tf


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(1)

    def call(self, x):
        return self.dense(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x)
            pred = self(x, training=True)
            loss = tf.reduce_mean((pred - y) ** 2)
            input_grad = tape.gradient(pred, x)
            total = loss + 0.01 * tf.reduce_sum(input_grad ** 2)
        grads = tape.gradient(total, self.trainable_variables)
        del tape
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


net = Net()
net.compile(optimizer="sgd")
net.fit(np.ones((4, 2), np.float32), np.ones((4, 1), np.float32), epochs=1, verbose=0)
