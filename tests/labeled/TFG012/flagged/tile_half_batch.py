# Repeating a prototype for half the batch: batch / 2 is a float, and tf.tile raises
# InvalidArgumentError (attr 'Tmultiples' of float).
import tensorflow as tf

batch = 6
proto = tf.ones([1, 4])
with tf.GradientTape() as tape:
    tape.watch(proto)
    half = tf.tile(proto, [batch / 2, 1])  # expect: TFG012
    loss = tf.reduce_sum(half ** 2)
print(tape.gradient(loss, proto))
