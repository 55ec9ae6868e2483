# A second-layer weight is defined but the forward pass forgot to use it.
import tensorflow as tf

W1 = tf.Variable(tf.random.normal([3, 4]))
W2 = tf.Variable(tf.random.normal([4, 1]))
x = tf.random.normal([2, 3])

with tf.GradientTape() as tape:
    h = tf.nn.relu(tf.matmul(x, W1))
    loss = tf.reduce_sum(h)
g2 = tape.gradient(loss, W2)  # expect: TFG011
print(g2)
