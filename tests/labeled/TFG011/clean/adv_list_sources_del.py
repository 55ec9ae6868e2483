# del removes the frozen variable from the list.
import tensorflow as tf

w = tf.Variable(2.0)
b = tf.Variable(1.0)
params = [w, b]
del params[1]
with tf.GradientTape() as tape:
    loss = (w * 3.0 - 1.0) ** 2
grads = tape.gradient(loss, params)
print(grads)
