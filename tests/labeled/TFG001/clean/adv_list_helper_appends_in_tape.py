# A weight-decay term is appended before the tape (a stale value: it gets no gradient, which is
# fine: it only shifts the logged loss); the task losses are appended inside the tape by a
# helper. The gradients of the total exist.
import tensorflow as tf

w = tf.Variable([0.5, -1.0])
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])


def add_task_losses(out, pred):
    out.append(tf.reduce_mean(tf.square(pred - 1.0)))
    out.append(tf.reduce_mean(tf.abs(pred)))


losses = []
losses.append(1e-3 * tf.reduce_sum(tf.square(w)))
with tf.GradientTape() as tape:
    add_task_losses(losses, tf.linalg.matvec(x, w))
    total = tf.add_n(losses)
print(tape.gradient(total, w))
