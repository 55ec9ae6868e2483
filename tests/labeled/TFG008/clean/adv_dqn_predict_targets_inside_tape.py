# DQN: the bootstrap targets come from model.predict (numpy, deliberately not differentiated)
# computed inside the tape, while the loss reaches the weights through the model call.
# Attacks: Keras predict() in a tape (TFG008) + fields: the same field model is on both paths.
import numpy as np
import tensorflow as tf


class DQNAgent:
    def __init__(self):
        self.model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"),
                                          tf.keras.layers.Dense(2)])
        self.opt = tf.keras.optimizers.Adam(1e-3)
        self.gamma = 0.99

    def train(self, s, a, r, s2):
        with tf.GradientTape() as tape:
            q_next = self.model.predict(s2, verbose=0)
            target = r + self.gamma * np.max(q_next, axis=1)
            q = tf.reduce_sum(self.model(s) * tf.one_hot(a, 2), axis=1)
            loss = tf.reduce_mean(tf.square(target - q))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        return float(loss)


agent = DQNAgent()
s = np.random.rand(8, 4).astype("float32")
s2 = np.random.rand(8, 4).astype("float32")
print(agent.train(s, np.random.randint(0, 2, 8), np.ones(8, "float32"), s2))
