# A reporting helper opens a Session (no with-block) and runs tensors that were
# computed eagerly at module level.
import tensorflow as tf

params = tf.Variable(tf.ones([3]))
with tf.GradientTape() as tape:
    objective = tf.reduce_sum(tf.exp(params))
gradient = tape.gradient(objective, params)


def report():
    sess = tf.compat.v1.Session()
    values = sess.run([objective, gradient])  # expect: TFG007
    sess.close()
    return values


print(report())
