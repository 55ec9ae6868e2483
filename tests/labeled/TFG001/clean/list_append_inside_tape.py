# Correctly left alone: terms collected in a list inside the tape, summed with tf.add_n.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
terms = []
with tf.GradientTape() as tape:
    for k in range(3):
        terms.append(tf.reduce_sum(w * float(k + 1)))
    loss = tf.add_n(terms)
g = tape.gradient(loss, w)
