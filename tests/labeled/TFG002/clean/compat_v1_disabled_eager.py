# A TF1 program through the compat.v1 alias with eager execution switched off first.
import numpy as np
import tensorflow.compat.v1 as tf1

tf1.disable_eager_execution()

x = tf1.placeholder(tf1.float32, shape=[None, 1])
w = tf1.Variable([[0.5]])
loss = tf1.reduce_mean(tf1.square(tf1.matmul(x, w) - 1.0))
grad = tf1.gradients(loss, w)[0]
with tf1.Session() as sess:
    sess.run(tf1.global_variables_initializer())
    print(sess.run(grad, feed_dict={x: np.ones((3, 1), np.float32)}))
