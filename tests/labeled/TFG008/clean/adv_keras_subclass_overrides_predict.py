# A subclassed Keras model overrides predict() to return its call in inference mode as a
# tensor; used inside the tape it stays in TensorFlow and the gradients are real.
# Attacks: `model.predict(...)` on a Keras model inside a tape is taken to leave TensorFlow.
import tensorflow as tf


class Critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(8, activation="relu")
        self.out = tf.keras.layers.Dense(1)

    def call(self, x, training=False):
        return self.out(self.hidden(x))

    def predict(self, x):
        return self(x, training=False)


critic = Critic()
states = tf.random.normal((10, 4))
returns = tf.random.normal((10, 1))
critic(states)
with tf.GradientTape() as tape:
    value_loss = tf.reduce_mean(tf.square(critic.predict(states) - returns))
grads = tape.gradient(value_loss, critic.trainable_variables)
print(len(grads), [g.shape for g in grads][:1])
