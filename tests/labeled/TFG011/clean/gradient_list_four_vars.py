# Explicit two-layer net; every variable in [w1, b1, w2, b2] is used by the loss.
import tensorflow as tf

w1 = tf.Variable(tf.random.normal([2, 4]))
b1 = tf.Variable(tf.zeros([4]))
w2 = tf.Variable(tf.random.normal([4, 1]))
b2 = tf.Variable(tf.zeros([1]))
x = tf.random.normal([8, 2])
with tf.GradientTape() as tape:
    h = tf.tanh(tf.matmul(x, w1) + b1)
    loss = tf.reduce_mean((tf.matmul(h, w2) + b2) ** 2)
dw1, db1, dw2, db2 = tape.gradient(loss, [w1, b1, w2, b2])
for v, g in zip([w1, b1, w2, b2], [dw1, db1, dw2, db2]):
    v.assign_sub(0.1 * g)
print(float(loss))
