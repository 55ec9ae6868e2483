# Half-ported TF1 script: the loss is an eager tensor, but it is still run in a Session.
import tensorflow as tf
import tensorflow.compat.v1 as tf1

w = tf.Variable(0.5)
x = tf.random.normal([6])
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((w * x - 1.0) ** 2)
grad = tape.gradient(loss, w)

sess = tf1.Session()
print(sess.run(loss))  # expect: TFG007
