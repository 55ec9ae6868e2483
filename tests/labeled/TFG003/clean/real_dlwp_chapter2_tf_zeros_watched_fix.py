# source: https://github.com/fchollet/deep-learning-with-python-notebooks/pull/284
# reported: The chapter 2 example took the gradient of y = 2 * x + 3 w.r.t. x = tf.zeros(()) and got None, because a constant is not watched; the pull request's fix watches the scalar tensor explicitly (the alternative it names is x = tf.Variable(0.0)).
# observed (TF 2.21): with tape.watch(x) the gradient is 2.0, and with the tf.Variable form it is 2.0 as well.
import tensorflow as tf

x = tf.zeros(shape=())

with tf.GradientTape() as tape:
    tape.watch(x)
    y = 2 * x + 3

grad_of_y_wrt_x = tape.gradient(y, x)
print(grad_of_y_wrt_x)

# the alternative: a variable is watched automatically
x = tf.Variable(0.0)
with tf.GradientTape() as tape:
    y = 2 * x + 3
grad_of_y_wrt_x = tape.gradient(y, x)
print(grad_of_y_wrt_x)
