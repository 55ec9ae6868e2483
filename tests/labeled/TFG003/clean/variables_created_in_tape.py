# Variables created inside the tape are read inside it and so are watched.
import tensorflow as tf

x = tf.random.normal([4, 2])
with tf.GradientTape() as tape:
    w = tf.Variable(tf.ones([2, 1]))
    b = tf.Variable(0.0)
    loss = tf.reduce_sum(tf.matmul(x, w) + b)
dw, db = tape.gradient(loss, [w, b])
print(dw, db)
