# numpy and float() used only for logging, after the gradient was taken.
import numpy as np
import tensorflow as tf

theta = tf.Variable([0.2, -0.4])
history = []
for step in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.square(theta * 3.0))
    grad = tape.gradient(loss, theta)
    history.append(float(loss))
    print(np.linalg.norm(grad.numpy()), np.round(theta.numpy(), 3))
    theta.assign_sub(0.1 * grad)
print(history)
