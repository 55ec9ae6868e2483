# Step losses appended inside the tape, but their sum is taken after the with-block ended: the gradient is None.
import tensorflow as tf

policy = tf.Variable([[0.2], [0.1]])
states = tf.random.uniform((5, 2), seed=3)
with tf.GradientTape() as tape:
    step_losses = []
    for i in range(5):
        step_losses.append(-tf.reduce_sum(states[i:i + 1] @ policy))
episode_loss = tf.add_n(step_losses)
print(tape.gradient(episode_loss, policy))  # expect: TFG001
