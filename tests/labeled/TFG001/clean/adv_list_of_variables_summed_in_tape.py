# Weights kept in a Python list filled by append; the penalty inside the tape reads them, so every gradient exists.
import tensorflow as tf

params = []
for size in (3, 2):
    params.append(tf.Variable(tf.ones([size])))
x = tf.constant([1.0, 2.0, 3.0])
with tf.GradientTape() as tape:
    penalties = []
    for p in params:
        penalties.append(tf.reduce_sum(p ** 2))
    loss = tf.add_n(penalties) + tf.reduce_sum(params[0] * x)
grads = tape.gradient(loss, params)
print([g.numpy() for g in grads])
