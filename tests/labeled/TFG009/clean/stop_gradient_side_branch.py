# stop_gradient on a side branch (a moving target) while the main path stays connected.
import tensorflow as tf

w = tf.Variable([[0.3], [0.6]])
x = tf.random.normal([5, 2])
with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    target = tf.stop_gradient(pred * 0.9 + 0.1)
    loss = tf.reduce_mean((pred - target) ** 2)
gw = tape.gradient(loss, w)
print(gw)
