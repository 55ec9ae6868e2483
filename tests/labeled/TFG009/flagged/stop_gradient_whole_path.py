# A target network's output stopped, and the gradient asked for the online weights
# that only reach the loss through the stopped branch.
import tensorflow as tf

w = tf.Variable([[0.5], [0.2]])
s = tf.random.normal([4, 2])

with tf.GradientTape() as tape:
    q = tf.stop_gradient(tf.matmul(s, w))
    loss = tf.reduce_mean((q - 1.0) ** 2)
gw = tape.gradient(loss, w)  # expect: TFG009
print(gw)
