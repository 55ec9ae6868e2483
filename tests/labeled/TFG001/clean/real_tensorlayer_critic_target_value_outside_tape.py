# source: https://github.com/tensorlayer/TensorLayer/issues/1071
# reported: In TensorLayer's tutorial_AC the Critic.learn method computes v_ = self.model(next state) before opening the tape; the user asked why, since moving it inside made training diverge. Answer: v_ is the TD target and must not be optimized.
# observed (TF 2.21): tape.gradient returns real gradients for the critic weights (only v is needed on the tape); both learn steps run.
import numpy as np
import tensorflow as tf

LAM = 0.9
LR_A = 0.001
LR_C = 0.01
N_F = 4
N_A = 2


class Actor(object):
    def __init__(self, state_dim, action_num, lr=0.001):
        inputs = tf.keras.Input([state_dim], name='state')
        layer = tf.keras.layers.Dense(8, activation='relu')(inputs)
        layer = tf.keras.layers.Dense(action_num)(layer)
        self.model = tf.keras.Model(inputs, layer, name='Actor')
        self.optimizer = tf.optimizers.Adam(lr)

    def learn(self, state, action, td_error):
        with tf.GradientTape() as tape:
            _logits = self.model(np.array([state]))
            _exp_v = tf.reduce_mean(
                tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[int(action)], logits=_logits) * td_error)
        _grad = tape.gradient(_exp_v, self.model.trainable_weights)
        self.optimizer.apply_gradients(zip(_grad, self.model.trainable_weights))
        return _exp_v

    def get_action(self, state, greedy=False):
        _logits = self.model(np.array([state]))
        _prob = tf.nn.softmax(_logits).numpy()
        if greedy:
            return np.argmax(_prob.ravel())
        return np.random.choice(len(_prob[0]), p=_prob[0])


class Critic(object):
    def __init__(self, state_dim, lr=0.01):
        inputs = tf.keras.Input([state_dim], name='state')
        layer = tf.keras.layers.Dense(8, activation='relu')(inputs)
        layer = tf.keras.layers.Dense(1, activation=None)(layer)
        self.model = tf.keras.Model(inputs, layer, name='Critic')
        self.optimizer = tf.optimizers.Adam(lr)

    def learn(self, state, reward, state_):
        v_ = self.model(np.array([state_]))
        with tf.GradientTape() as tape:
            v = self.model(np.array([state]))
            # TD_error = r + lambda * V(newS) - V(S)
            td_error = reward + LAM * v_ - v
            loss = tf.square(td_error)
        grad = tape.gradient(loss, self.model.trainable_weights)
        self.optimizer.apply_gradients(zip(grad, self.model.trainable_weights))
        return td_error


actor = Actor(state_dim=N_F, action_num=N_A, lr=LR_A)
critic = Critic(state_dim=N_F, lr=LR_C)
rng = np.random.default_rng(0)
state = rng.normal(size=N_F).astype(np.float32)
for step in range(2):
    action = actor.get_action(state)
    state_new = rng.normal(size=N_F).astype(np.float32)
    reward = 1.0
    td_error = critic.learn(state, reward, state_new)
    actor.learn(state, action, td_error[0])
    state = state_new
print('done')
