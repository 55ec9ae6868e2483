# source: https://github.com/Dekki-Aero/DDPG/issues/2
# reported: A user asked how the DDPG agent's actor update works: one tape watches the actor's action `a` to get dQ/da from the critic, a second tape differentiates the actor output w.r.t. its weights with output_gradients=-dq_da.
# observed (TF 2.21): dq_da and da_dtheta are real tensors; the actor and critic updates run.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, Model


class DDPG:
    def __init__(self, state_dim=3, action_dim=1, gamma=0.99, tau=0.005):
        self.state_dim = state_dim
        self.action_dim = action_dim
        self.gamma = gamma
        self.tau = tau
        self.actor = self.build_actor()
        self.critic = self.build_critic()
        self.target_actor = self.build_actor()
        self.target_critic = self.build_critic()
        self.target_actor.set_weights(self.actor.get_weights())
        self.target_critic.set_weights(self.critic.get_weights())
        self.actor_opt = tf.keras.optimizers.Adam(1e-3)
        self.critic_opt = tf.keras.optimizers.Adam(2e-3)

    def build_actor(self):
        s = layers.Input(shape=(self.state_dim,))
        x = layers.Dense(8, activation="relu")(s)
        a = layers.Dense(self.action_dim, activation="tanh")(x)
        return Model(s, a)

    def build_critic(self):
        s = layers.Input(shape=(self.state_dim,))
        a = layers.Input(shape=(self.action_dim,))
        x = layers.Concatenate()([s, a])
        x = layers.Dense(8, activation="relu")(x)
        q = layers.Dense(1)(x)
        return Model([s, a], q)

    def train(self, states_batch, actions_batch, rewards_batch, next_states_batch, dones_batch):
        states_batch = tf.convert_to_tensor(states_batch)
        actions_batch = tf.convert_to_tensor(actions_batch)
        next_states_batch = tf.convert_to_tensor(next_states_batch)
        target_actions = self.target_actor(next_states_batch)
        y = rewards_batch + self.gamma * (1 - dones_batch) * self.target_critic([next_states_batch, target_actions])
        with tf.GradientTape() as tape:
            q = self.critic([states_batch, actions_batch])
            critic_loss = tf.reduce_mean(tf.square(y - q))
        critic_grads = tape.gradient(critic_loss, self.critic.trainable_variables)
        self.critic_opt.apply_gradients(zip(critic_grads, self.critic.trainable_variables))

        with tf.GradientTape() as tape:
            a = self.actor(states_batch)
            tape.watch(a)
            q = self.critic([states_batch, a])
        dq_da = tape.gradient(q, a)

        with tf.GradientTape() as tape:
            a = self.actor(states_batch)
            theta = self.actor.trainable_variables
        da_dtheta = tape.gradient(a, theta, output_gradients=-dq_da)
        self.actor_opt.apply_gradients(zip(da_dtheta, self.actor.trainable_variables))

        for t, s in zip(self.target_actor.variables, self.actor.variables):
            t.assign(self.tau * s + (1 - self.tau) * t)
        return critic_loss


agent = DDPG()
n = 4
states = np.random.randn(n, 3).astype("float32")
actions = np.random.uniform(-1, 1, (n, 1)).astype("float32")
rewards = np.random.randn(n, 1).astype("float32")
next_states = np.random.randn(n, 3).astype("float32")
dones = np.zeros((n, 1), dtype="float32")
print(float(agent.train(states, actions, rewards, next_states, dones)))
