# tf.round and argmax applied to the gradient after it is computed, for reporting only.
import tensorflow as tf

w = tf.Variable([0.33, 0.66])
with tf.GradientTape() as tape:
    y = tf.reduce_sum(w ** 2)
g = tape.gradient(y, w)
print(tf.round(g * 100.0) / 100.0, tf.argmax(g))
