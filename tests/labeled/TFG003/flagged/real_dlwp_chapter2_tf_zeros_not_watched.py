# source: https://github.com/fchollet/deep-learning-with-python-notebooks/pull/284
# reported: The chapter 2 GradientTape example of the Deep Learning with Python notebooks initialises x with tf.zeros(), a constant that GradientTape does not watch, so the printed gradient of y = 2 * x + 3 is None; the pull request adds tape.watch(x) (a tf.Variable(0.0) would also work).
# observed (TF 2.21): tape.gradient returns None at line 11; the gradient-of-a-matrix cell that follows uses a tf.Variable and returns a value.
import tensorflow as tf

x = tf.zeros(shape=())

with tf.GradientTape() as tape:
    y = 2 * x + 3

grad_of_y_wrt_x = tape.gradient(y, x)  # expect: TFG003
print(grad_of_y_wrt_x)

# Using GradientTape with a variable of higher rank
W = tf.Variable(tf.random.uniform((2, 2)))
b = tf.Variable(tf.zeros((2,)))
x = tf.random.uniform((2, 2))
with tf.GradientTape() as tape:
    y = tf.matmul(x, W) + b
grad_of_y_wrt_W_and_b = tape.gradient(y, [W, b])
print(grad_of_y_wrt_W_and_b)
