# DDPG-style actor update where the action comes from a helper method that uses
# self.actor.predict (numpy): the critic's value no longer reaches the actor's weights.
import tensorflow as tf


class Agent:
    def __init__(self):
        self.actor = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1, activation="tanh")])
        self.critic = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1)])

    def act(self, s):
        return self.actor.predict(s, verbose=0)

    def actor_grads(self, s):
        with tf.GradientTape() as tape:
            a = self.act(s)
            q = self.critic(tf.concat([s, a], axis=1))
            loss = -tf.reduce_mean(q)
        return tape.gradient(loss, self.actor.trainable_variables)  # expect: TFG008


agent = Agent()
print(agent.actor_grads(tf.random.normal((5, 3))))
