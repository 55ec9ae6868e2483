# A tf.Module whose __call__ stops the gradient of its output; training through it gives  # known-miss: FN line 19: the tf.stop_gradient sits inside FrozenHead.call; calling the module does not look into its methods
# None for its trainable variables.
import tensorflow as tf


class FrozenHead(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([[0.5], [0.5]])

    def __call__(self, x):
        return tf.stop_gradient(tf.matmul(x, self.w))


head = FrozenHead()
inputs = tf.ones([2, 2])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(head(inputs))
print(tape.gradient(loss, head.trainable_variables))  # expect: TFG009
