# A helper turns the weight's mean into a Python float inside the tape; the loss then
# depends on w only through that float.
import tensorflow as tf


def scale_of(weights):
    return float(tf.reduce_mean(weights))


def loss_and_grad(weights, data):
    with tf.GradientTape() as tape:
        s = scale_of(weights)
        loss = tf.reduce_sum((s * data) ** 2)
    return loss, tape.gradient(loss, weights)  # expect: TFG008


w = tf.Variable([1.0, 3.0])
print(loss_and_grad(w, tf.constant([0.5, 0.25])))
