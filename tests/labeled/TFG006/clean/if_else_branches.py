# One gradient call per branch of an if/else: a plain tape is used only once per run.
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
use_l1 = False
with tf.GradientTape() as tape:
    l1 = tf.reduce_sum(tf.abs(w))
    l2 = tf.reduce_sum(w ** 2)
if use_l1:
    g = tape.gradient(l1, w)
else:
    g = tape.gradient(l2, w)
print(g)
