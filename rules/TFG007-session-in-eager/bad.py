# A TF1 habit: the gradient is already a concrete eager tensor, but it is handed to
# a Session, whose graph holds no operations at all.
import tensorflow as tf

x = tf.constant([[0.5], [1.0], [1.5]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(tf.tanh(2.0 * x))
dy_dx = tape.gradient(y, x)

with tf.compat.v1.Session() as sess:
    value = sess.run(dy_dx)  # expect: TFG007

print("dy/dx:", value)
