# Correctly left alone: a variable is assigned in place before the tape, and an alias of it is the source.
# TensorFlow 2.21 returns 3 * 2 * w = 12. (every gradient is real and non-zero)
import tensorflow as tf

w = tf.Variable(1.0)
alias = w
w.assign(2.0)
with tf.GradientTape() as tape:
    loss = 3.0 * w ** 2
g = tape.gradient(loss, alias)
