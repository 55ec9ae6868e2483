# A scale variable was planned for the loss but never made it into the recorded
# computation; its gradient is requested anyway.
import tensorflow as tf

w = tf.Variable([1.0, -1.0])
gamma = tf.Variable(0.5)
x = tf.random.normal([4, 2])

with tf.GradientTape() as tape:
    data_loss = tf.reduce_mean(tf.square(tf.linalg.matvec(x, w)))
d_gamma = tape.gradient(data_loss, gamma)  # expect: TFG011
print(d_gamma)
