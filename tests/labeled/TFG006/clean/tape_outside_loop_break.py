# The tape is created before the loop, but the loop leaves right after the only gradient call.
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(w ** 2)
for attempt in range(3):
    g = tape.gradient(loss, w)
    break
print(g)
