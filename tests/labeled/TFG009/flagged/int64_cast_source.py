# Positions are cast to int64 and back inside the tape before the loss; the path from
# the watched float positions carries no gradient.
import tensorflow as tf

pos = tf.Variable([0.4, 1.7, 2.2])
with tf.GradientTape() as tape:
    cells = tf.cast(pos, tf.int64)
    centers = tf.cast(cells, tf.float32) + 0.5
    loss = tf.reduce_sum(centers ** 2)
print(tape.gradient(loss, pos))  # expect: TFG009
