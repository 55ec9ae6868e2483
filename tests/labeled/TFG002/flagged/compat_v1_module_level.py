# TF1 habit in a TF2 script: tf.compat.v1.gradients at module level, eager execution on.
import tensorflow.compat.v1 as tf1

w = tf1.Variable([1.0, 2.0])
loss = tf1.reduce_sum(w ** 2)
grads = tf1.gradients(loss, [w])  # expect: TFG002
print(grads)
