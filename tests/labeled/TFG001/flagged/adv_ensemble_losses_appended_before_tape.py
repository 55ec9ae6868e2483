# Multi-task losses of one model are appended to a list before the tape and added with tf.add_n inside it: None.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
x = tf.ones((4, 3))
targets = [tf.zeros((4,)), tf.ones((4,))]
task_losses = []
for k, y in enumerate(targets):
    task_losses.append(tf.reduce_mean(tf.square(net(x)[:, k] - y)))
with tf.GradientTape() as tape:
    loss = tf.add_n(task_losses)
grads = tape.gradient(loss, net.trainable_variables)  # expect: TFG001
print(grads)
