# Training-style loop: the features are built once before the loop, each step opens
# a fresh tape on the features, and asks for the Jacobian with respect to the raw x.
import tensorflow as tf

x = tf.random.uniform([3, 1])
features = tf.concat([x, x ** 2], axis=1)
w = tf.Variable(tf.ones([2, 1]))

for step in range(2):
    with tf.GradientTape() as tape:
        tape.watch(features)
        y = tf.matmul(features, w)
    J = tape.jacobian(y, x)  # expect: TFG001
    print(step, J)
