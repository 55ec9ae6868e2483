# TF1-style Newton step written with `import tensorflow.compat.v1 as tf` and
# disable_v2_behavior(): tf.hessians and tf.Session are the graph-mode APIs here.
# Attacks: tf.hessians in eager code is TFG002; `tf.Session` spelled bare is not taken for a Session.
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, shape=(2,))
w = tf.Variable([1.0, -2.0])
loss = tf.reduce_sum(tf.square(w * x)) + tf.reduce_sum(w ** 4)
grad = tf.gradients(loss, w)[0]
hess = tf.hessians(loss, w)[0]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    g, h = sess.run([grad, hess], {x: np.array([1.0, 0.5], np.float32)})
print(g, np.linalg.solve(h, g))
