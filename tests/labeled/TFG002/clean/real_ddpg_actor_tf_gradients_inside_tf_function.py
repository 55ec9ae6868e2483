# source: https://github.com/liampetti/DDPG/issues/1
# reported: A user asks which TensorFlow version the DDPG code needs: actor.py builds its update with tf.gradients(self.scaled_out, self.network_params, -self.action_gradient), graph-mode TensorFlow. This variant keeps that update but traces ActorNetwork.train with @tf.function, so it still runs in a graph.
# observed (TF 2.21): tf.gradients with grad_ys=-action_gradient runs while train is traced and returns graph gradients for every actor weight; two actor updates run.
import numpy as np
import tensorflow as tf


class ActorNetwork(object):
    """
    Input to the network is the state, output is the action
    under a deterministic policy.
    The output layer activation is a tanh to keep the action
    between -action_bound and action_bound
    """

    def __init__(self, state_dim, action_dim, action_bound, learning_rate, tau, batch_size):
        self.s_dim = state_dim
        self.a_dim = action_dim
        self.action_bound = action_bound
        self.learning_rate = learning_rate
        self.tau = tau
        self.batch_size = batch_size

        # Actor Network
        self.model = self.create_actor_network()
        self.network_params = self.model.trainable_variables

        # Target Network
        self.target_model = self.create_actor_network()
        self.target_network_params = self.target_model.trainable_variables

        self.optimizer = tf.keras.optimizers.Adam(self.learning_rate)

    def create_actor_network(self):
        inputs = tf.keras.Input(shape=(self.s_dim,))
        net = tf.keras.layers.Dense(16, activation='relu')(inputs)
        net = tf.keras.layers.Dense(8, activation='relu')(net)
        out = tf.keras.layers.Dense(self.a_dim, activation='tanh')(net)
        # Scale output to -action_bound to action_bound
        scaled_out = out * self.action_bound
        return tf.keras.Model(inputs, scaled_out)

    def update_target_network(self):
        for target, source in zip(self.target_network_params, self.network_params):
            target.assign(source * self.tau + target * (1. - self.tau))

    def predict(self, inputs):
        return self.model(inputs)

    @tf.function
    def train(self, inputs, a_gradient):
        self.scaled_out = self.model(inputs)
        # This gradient will be provided by the critic network
        self.action_gradient = tf.convert_to_tensor(a_gradient, dtype=tf.float32)

        # Combine the gradients here
        self.unnormalized_actor_gradients = tf.gradients(self.scaled_out, self.network_params, -self.action_gradient)
        self.actor_gradients = list(map(lambda x: tf.math.divide(x, self.batch_size), self.unnormalized_actor_gradients))

        # Optimization Op
        self.optimizer.apply_gradients(zip(self.actor_gradients, self.network_params))


class CriticNetwork(object):
    def __init__(self, state_dim, action_dim, learning_rate):
        self.s_dim = state_dim
        self.a_dim = action_dim
        s_in = tf.keras.Input(shape=(state_dim,))
        a_in = tf.keras.Input(shape=(action_dim,))
        net = tf.keras.layers.Concatenate()([s_in, a_in])
        net = tf.keras.layers.Dense(16, activation='relu')(net)
        out = tf.keras.layers.Dense(1)(net)
        self.model = tf.keras.Model([s_in, a_in], out)
        self.optimizer = tf.keras.optimizers.Adam(learning_rate)

    def action_gradients(self, inputs, actions):
        inputs = tf.convert_to_tensor(inputs)
        actions = tf.convert_to_tensor(actions)
        with tf.GradientTape() as tape:
            tape.watch(actions)
            q = self.model([inputs, actions])
        return tape.gradient(q, actions).numpy()


state_dim, action_dim, batch = 3, 1, 4
actor = ActorNetwork(state_dim, action_dim, action_bound=2.0, learning_rate=1e-4, tau=0.001, batch_size=batch)
critic = CriticNetwork(state_dim, action_dim, learning_rate=1e-3)

s_batch = np.random.rand(batch, state_dim).astype(np.float32)
for step in range(2):
    a_outs = actor.predict(s_batch)
    grads = critic.action_gradients(s_batch, a_outs)
    actor.train(s_batch, grads)
    actor.update_target_network()
