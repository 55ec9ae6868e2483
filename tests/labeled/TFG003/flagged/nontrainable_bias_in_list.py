# Two-layer net with explicit variables; the last bias was created with trainable=False
# and is never watched, so its entry in the gradient list is None.
import tensorflow as tf

w1 = tf.Variable(tf.random.normal([2, 4]))
b1 = tf.Variable(tf.zeros([4]))
w2 = tf.Variable(tf.random.normal([4, 1]))
b2 = tf.Variable(tf.zeros([1]), trainable=False)
x = tf.random.normal([8, 2])
with tf.GradientTape() as tape:
    h = tf.nn.relu(tf.matmul(x, w1) + b1)
    loss = tf.reduce_mean((tf.matmul(h, w2) + b2) ** 2)
grads = tape.gradient(loss, [w1, b1, w2, b2])  # expect: TFG003
print([g is None for g in grads])
