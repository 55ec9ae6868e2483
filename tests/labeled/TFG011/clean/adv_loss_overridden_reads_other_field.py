# The base agent's loss reads only the actor; the subclass that is trained overrides the loss
# to include the critic, so the base step's gradient w.r.t. the critic weights is real.
# Attacks: self.helper() runs the class's own method, and depends only on the fields it reads.
import tensorflow as tf


class ActorOnly(tf.Module):
    def __init__(self):
        super().__init__()
        self.actor = tf.Variable([0.5, -0.5])
        self.critic = tf.Variable([1.0, 1.0])

    def loss(self, s):
        return tf.reduce_sum(tf.square(s * self.actor))

    def critic_grad(self, s):
        with tf.GradientTape() as tape:
            total = self.loss(s)
        return tape.gradient(total, self.critic)


class ActorCritic(ActorOnly):
    def loss(self, s):
        return tf.reduce_sum(tf.square(s * self.actor)) + tf.reduce_sum(tf.square(s - self.critic))


agent = ActorCritic()
print(agent.critic_grad(tf.constant([1.0, 2.0])).numpy())
