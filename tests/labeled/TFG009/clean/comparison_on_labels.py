# A mask from a comparison on the labels (not on the source path) weights the loss.
import tensorflow as tf

w = tf.Variable([[0.2], [0.4]])
x = tf.random.normal([6, 2])
y = tf.random.normal([6, 1])
with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    valid = tf.cast(y > -10.0, tf.float32)
    loss = tf.reduce_sum(valid * (pred - y) ** 2)
gw = tape.gradient(loss, w)
print(gw)
