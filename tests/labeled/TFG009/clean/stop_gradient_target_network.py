# DQN-style update: the target network's output is wrapped in stop_gradient but the
# gradient is taken for the online network, which stays connected.
import tensorflow as tf

online = tf.Variable(tf.random.normal([4, 2]))
target_w = tf.Variable(tf.random.normal([4, 2]))
states = tf.random.normal([5, 4])
rewards = tf.random.normal([5])
with tf.GradientTape() as tape:
    q = tf.reduce_max(states @ online, axis=1)
    q_next = tf.stop_gradient(tf.reduce_max(states @ target_w, axis=1))
    loss = tf.reduce_mean((rewards + 0.9 * q_next - q) ** 2)
print(tape.gradient(loss, [online]))
