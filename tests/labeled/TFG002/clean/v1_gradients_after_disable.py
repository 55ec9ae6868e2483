# A TF1 script ported with disable_eager_execution: tf.compat.v1.gradients under an
# alias and Session.run inside a helper are graph-mode and legal.
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
grad_fn = tf.compat.v1.gradients

x = tf.compat.v1.placeholder(tf.float32, shape=[None])
y = tf.reduce_sum(tf.sin(x))
dy = grad_fn(y, x)[0]


def evaluate(values):
    with tf.compat.v1.Session() as sess:
        return sess.run(dy, feed_dict={x: values})


print(evaluate([0.0, 1.0]))
