# Gradient descent loop at module level written with tf.gradients.
import tensorflow as tf

a = tf.Variable(3.0)
for i in range(3):
    f = (a - 1.0) ** 2
    da = tf.gradients(f, a)  # expect: TFG002
    a.assign_sub(0.1 * da[0])
print(a)
