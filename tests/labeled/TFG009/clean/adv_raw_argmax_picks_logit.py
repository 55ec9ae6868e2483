# Greedy-action Q-learning: tf.raw_ops.ArgMax only chooses which logit to gather; the
# gathered value still depends differentiably on the Q-network's output.
# Attacks: tf.raw_ops.ArgMax is an op without gradient (TFG009) — it sits on the index path only.
import tensorflow as tf

q_net = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3)])
s = tf.random.normal((6, 4))
with tf.GradientTape() as tape:
    q = q_net(s)
    best = tf.raw_ops.ArgMax(input=q, dimension=1)
    q_best = tf.gather(q, best, batch_dims=1)
    loss = tf.reduce_mean(tf.square(1.0 - q_best))
grads = tape.gradient(loss, q_net.trainable_variables)
print([g.shape for g in grads])
