# source: https://github.com/openai/baselines/issues/105
# reported: A user asked why baselines' DQN build_train wraps the target Q values in tf.stop_gradient when computing td_error; answer: so that no gradient flows into the target network, which is treated as a constant.
# observed (TF 2.21): with tf.stop_gradient on the target and tf.argmax / tf.one_hot for the double-Q action choice, tape.gradient still returns real gradients for every Q-network weight; clipping and the update run.
import numpy as np
import tensorflow as tf


def huber_loss(x, delta=1.0):
    return tf.where(tf.abs(x) < delta, tf.square(x) * 0.5, delta * (tf.abs(x) - 0.5 * delta))


def build_q_func(num_actions, name):
    return tf.keras.Sequential([
        tf.keras.Input((4,)),
        tf.keras.layers.Dense(16, activation="relu"),
        tf.keras.layers.Dense(num_actions),
    ], name=name)


class DEEPQ(tf.Module):
    def __init__(self, num_actions, lr=1e-3, grad_norm_clipping=10.0, gamma=1.0, double_q=True):
        super().__init__()
        self.num_actions = num_actions
        self.gamma = gamma
        self.double_q = double_q
        self.grad_norm_clipping = grad_norm_clipping
        self.q_network = build_q_func(num_actions, "q_func")
        self.target_q_network = build_q_func(num_actions, "target_q_func")
        self.optimizer = tf.keras.optimizers.Adam(lr)

    @tf.function
    def train(self, obs0, actions, rewards, obs1, dones, importance_weights):
        with tf.GradientTape() as tape:
            q_t = self.q_network(obs0)
            q_t_selected = tf.reduce_sum(q_t * tf.one_hot(actions, self.num_actions, dtype=tf.float32), 1)

            q_tp1 = self.target_q_network(obs1)
            if self.double_q:
                q_tp1_using_online_net = self.q_network(obs1)
                q_tp1_best_using_online_net = tf.argmax(q_tp1_using_online_net, 1)
                q_tp1_best = tf.reduce_sum(q_tp1 * tf.one_hot(q_tp1_best_using_online_net, self.num_actions, dtype=tf.float32), 1)
            else:
                q_tp1_best = tf.reduce_max(q_tp1, 1)

            dones = tf.cast(dones, q_tp1_best.dtype)
            q_tp1_best_masked = (1.0 - dones) * q_tp1_best
            q_t_selected_target = rewards + self.gamma * q_tp1_best_masked

            td_error = q_t_selected - tf.stop_gradient(q_t_selected_target)
            errors = huber_loss(td_error)
            weighted_error = tf.reduce_mean(importance_weights * errors)

        grads = tape.gradient(weighted_error, self.q_network.trainable_variables)
        if self.grad_norm_clipping:
            clipped_grads = []
            for grad in grads:
                clipped_grads.append(tf.clip_by_norm(grad, self.grad_norm_clipping))
            grads = clipped_grads
        self.optimizer.apply_gradients(zip(grads, self.q_network.trainable_variables))
        return td_error

    @tf.function
    def update_target(self):
        for var, var_target in zip(self.q_network.variables, self.target_q_network.variables):
            var_target.assign(var)


model = DEEPQ(num_actions=2)
batch = 4
obs0 = np.random.randn(batch, 4).astype(np.float32)
actions = np.random.randint(0, 2, size=batch).astype(np.int32)
rewards = np.ones(batch, dtype=np.float32)
obs1 = np.random.randn(batch, 4).astype(np.float32)
dones = np.zeros(batch, dtype=np.float32)
weights = np.ones(batch, dtype=np.float32)
model.update_target()
td = model.train(obs0, actions, rewards, obs1, dones, weights)
print(td.numpy())
