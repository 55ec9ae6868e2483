# The loss is built from a one-hot of the argmax of the logits; the gradient list for
# [w, b] is all None.
import tensorflow as tf

w = tf.Variable(tf.random.normal([4, 3]))
b = tf.Variable(tf.zeros([3]))
x = tf.random.normal([6, 4])
target = tf.one_hot([0, 1, 2, 0, 1, 2], 3)
with tf.GradientTape() as tape:
    logits = tf.matmul(x, w) + b
    pred = tf.one_hot(tf.argmax(logits, axis=1), depth=3)
    loss = tf.reduce_mean(tf.square(pred - target))
gw, gb = tape.gradient(loss, [w, b])  # expect: TFG009
print(gw, gb)
