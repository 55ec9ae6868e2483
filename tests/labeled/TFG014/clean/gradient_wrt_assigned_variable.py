# The gradient is asked with respect to the variable that was assigned (and with respect to a
# source that also reaches the loss directly): both are real gradients.
import tensorflow as tf

v = tf.Variable(2.0)
w = tf.Variable(0.0)
with tf.GradientTape(persistent=True) as tape:
    w.assign(v * 3.0)
    loss = w * 2.0 + v
print(tape.gradient(loss, w), tape.gradient(loss, v))
del tape
