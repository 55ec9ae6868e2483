# source: https://github.com/abhisheksuran/Reinforcement_Learning/issues/4
# reported: In a TF2 PPO agent (self.actor, self.critic, self.a_opt, self.c_opt) the user noticed the ratio new/old probability was always 1 and proposed keeping self.old_probs from the previous update; learn() builds the clipped surrogate with tf.constant(numpy old probs) inside two tapes (tape1 for the actor, tape2 for the critic).
# observed (TF 2.21): the numpy old probabilities and advantages only enter as constants; tape1.gradient and tape2.gradient both return real gradients and the updates run.
import numpy as np
import tensorflow as tf
import tensorflow.keras.losses as kls


class critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(8, activation='relu')
        self.v = tf.keras.layers.Dense(1, activation=None)

    def call(self, input_data):
        x = self.d1(input_data)
        return self.v(x)


class actor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(8, activation='relu')
        self.a = tf.keras.layers.Dense(2, activation='softmax')

    def call(self, input_data):
        x = self.d1(input_data)
        return self.a(x)


class agent():
    def __init__(self, gamma=0.99):
        self.gamma = gamma
        self.a_opt = tf.keras.optimizers.Adam(learning_rate=7e-3)
        self.c_opt = tf.keras.optimizers.Adam(learning_rate=7e-3)
        self.actor = actor()
        self.critic = critic()
        self.old_probs = None  # This variable will stock old probability
        self.clip_pram = 0.2

    def act(self, state):
        prob = self.actor(np.array([state]))
        prob = prob.numpy()
        return int(np.random.choice(2, p=prob[0] / prob[0].sum()))

    def actor_loss(self, probs, actions, adv, old_probs, closs):
        probability = probs
        entropy = tf.reduce_mean(tf.math.negative(tf.math.multiply(probability, tf.math.log(probability))))
        sur1 = []
        sur2 = []
        for pb, t, op, a in zip(probability, adv, old_probs, actions):
            t = tf.constant(t)
            op = tf.constant(op[a])
            ratio = tf.math.divide(pb[a], op)
            s1 = tf.math.multiply(ratio, t)
            s2 = tf.math.multiply(tf.clip_by_value(ratio, 1.0 - self.clip_pram, 1.0 + self.clip_pram), t)
            sur1.append(s1)
            sur2.append(s2)
        sr1 = tf.stack(sur1)
        sr2 = tf.stack(sur2)
        loss = tf.math.negative(tf.reduce_mean(tf.math.minimum(sr1, sr2)) - closs + 0.001 * entropy)
        return loss

    def learn(self, states, actions, adv, discnt_rewards):
        discnt_rewards = tf.reshape(discnt_rewards, (len(discnt_rewards),))
        adv = tf.reshape(adv, (len(adv),))
        if self.old_probs is None:
            self.old_probs = self.actor(states).numpy()
        old_probs = self.old_probs  # assign old_probs
        with tf.GradientTape() as tape1, tf.GradientTape() as tape2:
            p = self.actor(states, training=True)
            v = self.critic(states, training=True)
            v = tf.reshape(v, (len(v),))
            c_loss = 0.5 * kls.MeanSquaredError()(discnt_rewards, v)
            a_loss = self.actor_loss(p, actions, adv.numpy(), old_probs, c_loss)
        self.old_probs = p.numpy()  # keep the probabilities of this policy for the next update
        grads1 = tape1.gradient(a_loss, self.actor.trainable_variables)
        grads2 = tape2.gradient(c_loss, self.critic.trainable_variables)
        self.a_opt.apply_gradients(zip(grads1, self.actor.trainable_variables))
        self.c_opt.apply_gradients(zip(grads2, self.critic.trainable_variables))
        return a_loss, c_loss


def preprocess1(states, actions, rewards, done, values, gamma):
    g = 0
    lmbda = 0.95
    returns = []
    for i in reversed(range(len(rewards))):
        delta = rewards[i] + gamma * values[i + 1] * done[i] - values[i]
        g = delta + gamma * lmbda * done[i] * g
        returns.append(g + values[i])
    returns.reverse()
    adv = np.array(returns, dtype=np.float32) - values[:-1]
    adv = (adv - np.mean(adv)) / (np.std(adv) + 1e-10)
    states = np.array(states, dtype=np.float32)
    returns = np.array(returns, dtype=np.float32)
    return states, np.array(actions, dtype=np.int32), returns, adv


agentoo7 = agent()
rng = np.random.default_rng(1)
states = [rng.normal(size=3).astype(np.float32) for _ in range(4)]
actions = [agentoo7.act(s) for s in states]
rewards = [1.0, 1.0, 0.0, 1.0]
dones = [1, 1, 1, 0]
values = [float(agentoo7.critic(np.array([s])).numpy()[0, 0]) for s in states] + [0.0]
values = np.array(values, dtype=np.float32)
states, actions, returns, adv = preprocess1(states, actions, rewards, dones, values, 0.99)
for epocs in range(2):
    al, cl = agentoo7.learn(states, actions, adv, returns)
print(float(al), float(cl))
