# Indices are cast to int64 (not differentiated); the gradient is with respect to the
# embedding variable read through tf.gather.
import tensorflow as tf

table = tf.Variable(tf.random.normal([10, 3]))
ids = tf.cast(tf.constant([1.0, 5.0, 5.0]), tf.int64)
with tf.GradientTape() as tape:
    rows = tf.gather(table, ids)
    loss = tf.reduce_sum(rows ** 2)
grad = tape.gradient(loss, table)
print(tf.convert_to_tensor(grad).shape)
