# Eager loss and gradient fetched through a TF1 Session with a dict of fetches.
import tensorflow as tf

v = tf.Variable([1.0, -2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(v * v)
grad = tape.gradient(loss, v)
with tf.compat.v1.Session() as sess:
    out = sess.run({"loss": loss, "grad": grad})  # expect: TFG007
print(out)
