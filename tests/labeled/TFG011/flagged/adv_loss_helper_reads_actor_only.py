# The agent's loss helper reads only the actor weights, yet the step differentiates with  # known-miss: FN line 18: self.helper() calls (2) — self.loss() reads only self.actor, but the call also depends on self itself, so the loss is never proven independent of self.critic
# respect to the critic weights: the loss does not depend on them.
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
        return tape.gradient(total, self.critic)  # expect: TFG011


agent = ActorOnly()
print(agent.critic_grad(tf.constant([1.0, 2.0])))
