# Ops created inside a Graph + Session block are graph ops; running them is fine.
import tensorflow as tf

with tf.Graph().as_default(), tf.compat.v1.Session() as sess:
    a = tf.Variable(2.0)
    f = a ** 3
    (da,) = tf.gradients(f, [a])
    sess.run(tf.compat.v1.global_variables_initializer())
    print(sess.run([f, da]))
