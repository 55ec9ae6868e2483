# Manual SGD: the second parameter never enters the loss, its gradient is None and the
# update multiplies it.
import tensorflow as tf

w = tf.Variable(1.0)
c = tf.Variable(0.0)
x = tf.linspace(-1.0, 1.0, 5)

with tf.GradientTape() as tape:
    loss = tf.reduce_mean((w * x - 2.0 * x) ** 2)
gw, gc = tape.gradient(loss, [w, c])  # expect: TFG011
w.assign_sub(0.1 * gw)
c.assign_sub(0.1 * gc)  # expect: TFG004
print(w, c)
