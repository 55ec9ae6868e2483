# The constant field is the training input; the gradient is asked for the model's weights,
# which the tape watches by itself. Attacks: constant fields next to model fields.
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.inputs = tf.random.normal((8, 3), seed=1)
        self.targets = tf.zeros((8, 1))
        self.model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])

    def step(self):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self.model(self.inputs) - self.targets) ** 2)
        return tape.gradient(loss, self.model.trainable_variables)


print([g.shape for g in Trainer().step()])
