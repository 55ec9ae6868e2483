# Integer class labels cast to float for a regression target; the source is the float input.
import tensorflow as tf

x = tf.random.normal([4, 3])
labels = tf.constant([0, 1, 1, 0])
w = tf.Variable(tf.zeros([3]))
with tf.GradientTape() as tape:
    tape.watch(x)
    pred = tf.linalg.matvec(x, w) + tf.reduce_sum(x, axis=1)
    loss = tf.reduce_mean((pred - tf.cast(labels, tf.float32)) ** 2)
gx, gw = tape.gradient(loss, [x, w])
print(gx.shape, gw.shape)
