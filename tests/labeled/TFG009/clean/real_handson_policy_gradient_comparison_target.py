# source: https://github.com/ageron/handson-ml2/issues/604
# reported: A reader of Chapter 18 asked about play_one_step, where the action is a comparison `tf.random.uniform([1, 1]) > left_proba`, cast to float to build y_target, and the loss is differentiated inside the tape; the reader only wondered what y_target means, the code trains.
# observed (TF 2.21): the comparison and the tf.cast only build the (constant) target; tape.gradient through left_proba returns real gradients and the REINFORCE update runs.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class TinyCartPole:
    """Stands in for gym's CartPole-v1 (4 observations, 2 actions)."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self, seed=None):
        self.t = 0
        return self.rng.normal(size=4).astype(np.float32), {}

    def step(self, action):
        self.t += 1
        done = self.t >= 3
        return self.rng.normal(size=4).astype(np.float32), 1.0, done, False, {}


def play_one_step(env, obs, model, loss_fn):
    with tf.GradientTape() as tape:
        left_proba = model(obs[np.newaxis])
        action = (tf.random.uniform([1, 1]) > left_proba)
        y_target = tf.constant([[1.]]) - tf.cast(action, tf.float32)
        loss = tf.reduce_mean(loss_fn(y_target, left_proba))

    grads = tape.gradient(loss, model.trainable_variables)
    obs, reward, done, truncated, info = env.step(int(action[0, 0]))
    return obs, reward, done, truncated, grads


def play_multiple_episodes(env, n_episodes, n_max_steps, model, loss_fn):
    all_rewards = []
    all_grads = []
    for episode in range(n_episodes):
        current_rewards = []
        current_grads = []
        obs, info = env.reset()
        for step in range(n_max_steps):
            obs, reward, done, truncated, grads = play_one_step(env, obs, model, loss_fn)
            current_rewards.append(reward)
            current_grads.append(grads)
            if done or truncated:
                break
        all_rewards.append(current_rewards)
        all_grads.append(current_grads)
    return all_rewards, all_grads


def discount_rewards(rewards, discount_factor):
    discounted = np.array(rewards)
    for step in range(len(rewards) - 2, -1, -1):
        discounted[step] += discounted[step + 1] * discount_factor
    return discounted


def discount_and_normalize_rewards(all_rewards, discount_factor):
    all_discounted_rewards = [discount_rewards(rewards, discount_factor) for rewards in all_rewards]
    flat_rewards = np.concatenate(all_discounted_rewards)
    reward_mean = flat_rewards.mean()
    reward_std = flat_rewards.std() + 1e-7
    return [(discounted_rewards - reward_mean) / reward_std for discounted_rewards in all_discounted_rewards]


model = keras.Sequential([
    keras.Input((4,)),
    keras.layers.Dense(5, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
optimizer = keras.optimizers.Nadam(learning_rate=0.01)
loss_fn = keras.losses.binary_crossentropy
env = TinyCartPole()

for iteration in range(2):
    all_rewards, all_grads = play_multiple_episodes(env, 2, 5, model, loss_fn)
    all_final_rewards = discount_and_normalize_rewards(all_rewards, 0.95)
    all_mean_grads = []
    for var_index in range(len(model.trainable_variables)):
        mean_grads = tf.reduce_mean(
            [final_reward * all_grads[episode_index][step][var_index]
             for episode_index, final_rewards in enumerate(all_final_rewards)
             for step, final_reward in enumerate(final_rewards)], axis=0)
        all_mean_grads.append(mean_grads)
    optimizer.apply_gradients(zip(all_mean_grads, model.trainable_variables))
print("done")
