# source: https://github.com/SciSharp/TensorFlow.NET/issues/1197  # known-miss: the tapes are returned from a method and used by its caller
# reported: An RL project with separate actor and critic networks and two optimizers computes its own loss from the model outputs inside a GradientTape; the actor's probabilities come from model.predict(), which "makes the model not in the graph", and the actor gradients are always null (answer: call the model instead of predict).
# observed (TF 2.21): the actor's tape.gradient returns None for every weight at line 63 (predict returns numpy; np.log and tf.convert_to_tensor bring it back as a constant); the critic's gradient at line 64 is real.
import numpy as np
import tensorflow as tf

gamma = 0.9


class Agent:
    def __init__(self, state_size=3, action_size=2):
        self.action_size = action_size
        self.actor = tf.keras.Sequential([
            tf.keras.Input((state_size,)),
            tf.keras.layers.Dense(8, activation="relu"),
            tf.keras.layers.Dense(action_size, activation="softmax"),
        ])
        self.critic = tf.keras.Sequential([
            tf.keras.Input((state_size,)),
            tf.keras.layers.Dense(8, activation="relu"),
            tf.keras.layers.Dense(1),
        ])
        self.huber = tf.keras.losses.Huber(reduction="sum")
        self.optimizer_actor = tf.keras.optimizers.Adam(learning_rate=0.0001)
        self.optimizer_critic = tf.keras.optimizers.Adam(learning_rate=0.0001)

    def run_episode(self, env_states, rewards):
        critic_value_history = []
        action_probs_history = []
        rewards_history = []
        with tf.GradientTape() as tape_ac, tf.GradientTape() as tape_cc:
            for t in range(len(rewards)):
                state = env_states[t:t + 1]
                probs = self.actor.predict(state, verbose=0)
                action = np.random.choice(self.action_size, p=np.squeeze(probs))
                action_probs_history.append(np.log(probs[0, action]))
                critic_value_history.append(self.critic(state)[0, 0])
                rewards_history.append(rewards[t])

            return_list = []
            discounted = 0.0
            for r in rewards_history[::-1]:
                discounted = r + gamma * discounted
                return_list.insert(0, discounted)
            return_list = np.array(return_list, dtype=np.float32)
            return_list = (return_list - return_list.mean()) / (return_list.std() + 1e-7)

            # Calculate loss to update the network parameter
            actor_loss_sum = tf.convert_to_tensor(0, dtype=tf.float32)
            critic_loss_sum = tf.convert_to_tensor(0, dtype=tf.float32)
            for p in range(len(action_probs_history)):
                return_v = tf.expand_dims(tf.constant(return_list[p]), 0)
                predict_v = tf.expand_dims(critic_value_history[p], 0)
                temporal_difference = return_v - predict_v
                actor_loss = -tf.convert_to_tensor(action_probs_history[p], dtype=tf.float32) * temporal_difference
                critic_loss = self.huber(return_v, predict_v)
                actor_loss_sum = actor_loss_sum + tf.reduce_sum(actor_loss)
                critic_loss_sum = critic_loss_sum + critic_loss
        return tape_ac, tape_cc, actor_loss_sum, critic_loss_sum

    def train(self, env_states, rewards):
        tape_ac, tape_cc, actor_loss_sum, critic_loss_sum = self.run_episode(env_states, rewards)
        grads_actor = tape_ac.gradient(actor_loss_sum, self.actor.trainable_variables)  # expect: TFG008
        grads_critic = tape_cc.gradient(critic_loss_sum, self.critic.trainable_variables)
        if any(g is None for g in grads_actor):
            print("actor gradients are null")
        else:
            self.optimizer_actor.apply_gradients(zip(grads_actor, self.actor.trainable_variables))
        self.optimizer_critic.apply_gradients(zip(grads_critic, self.critic.trainable_variables))


agent = Agent()
states = np.random.rand(4, 3).astype(np.float32)
agent.train(states, [1.0, 0.0, 1.0, 1.0])
