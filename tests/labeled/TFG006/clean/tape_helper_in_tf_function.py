# A helper opening its own tape, called from a tf.function; the gradient is used once.
import tensorflow as tf

w = tf.Variable([[0.1], [0.2]])


def loss_and_grad(x):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.matmul(x, w) ** 2)
    return loss, tape.gradient(loss, w)


@tf.function
def train(x):
    loss, g = loss_and_grad(x)
    w.assign_sub(0.1 * g)
    return loss


print(train(tf.random.normal([3, 2])))
