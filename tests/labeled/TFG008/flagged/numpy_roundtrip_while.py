# Inside a while loop the prediction is pulled out with .numpy() for a clipping step
# and turned back into a tensor before the loss.
import numpy as np
import tensorflow as tf

theta = tf.Variable([0.2, -0.4])
it = 0
while it < 2:
    with tf.GradientTape() as tape:
        pred = theta * 3.0
        clipped = tf.convert_to_tensor(np.clip(pred.numpy(), -1.0, 1.0))
        loss = tf.reduce_sum(clipped ** 2)
    grad = tape.gradient(loss, theta)  # expect: TFG008
    print(it, grad)
    it += 1
