# The adapted weights stay a tensor on the tape; they are assigned to the variable only after
# the gradient is taken.
import tensorflow as tf

x = tf.random.normal([6, 2])
y = tf.random.normal([6, 1])
slow = tf.Variable(tf.random.normal([2, 1]))
fast = tf.Variable(tf.zeros([2, 1]))
with tf.GradientTape() as tape:
    inner_loss = tf.reduce_mean((x @ slow - y) ** 2)
    adapted = slow - 0.01 * inner_loss
    query_loss = tf.reduce_mean((x @ adapted - y) ** 2)
grad = tape.gradient(query_loss, slow)
fast.assign(adapted)
print(grad.numpy().ravel(), fast.numpy().ravel())
