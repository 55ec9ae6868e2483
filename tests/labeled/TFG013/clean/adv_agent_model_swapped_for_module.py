# The agent builds a Keras model in __init__, but the experiment swaps in a small tf.Module
# policy before training; watching that module's variables is accepted.
# Attacks: class fields — a field set once in __init__ keeps its kind although the script replaces it.
import tensorflow as tf


class LinearPolicy(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.random.normal((4, 2)))

    def __call__(self, s):
        return s @ self.w


class Agent:
    def __init__(self):
        self.model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(2)])

    def policy_grads(self, states, advantages):
        with tf.GradientTape(watch_accessed_variables=False) as tape:
            tape.watch(self.model.trainable_variables)
            logp = tf.nn.log_softmax(self.model(states))
            loss = -tf.reduce_mean(logp[:, 0] * advantages)
        return tape.gradient(loss, self.model.trainable_variables)


agent = Agent()
agent.model = LinearPolicy()   # ablation: a linear policy
g = agent.policy_grads(tf.random.normal((6, 4)), tf.random.normal((6,)))
print([v.shape for v in g])
