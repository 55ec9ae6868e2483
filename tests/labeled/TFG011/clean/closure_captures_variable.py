# A closure captures a trainable variable; the loss built by the closure inside the tape
# is differentiated with respect to it.
import tensorflow as tf


def make_loss(w, data):
    def loss_fn():
        return tf.reduce_mean((w * data - 1.0) ** 2)
    return loss_fn


w = tf.Variable(0.3)
loss_fn = make_loss(w, tf.constant([1.0, 2.0, 3.0]))
n = 0
while n < 3:
    with tf.GradientTape() as tape:
        loss = loss_fn()
    w.assign_sub(0.05 * tape.gradient(loss, w))
    n += 1
print(w.numpy())
