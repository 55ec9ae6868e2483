# .numpy() and float() used for logging inside the tape; the loss stays in TensorFlow.
import numpy as np
import tensorflow as tf

w = tf.Variable([0.5, 1.5])
history = []
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(w ** 2)
    history.append(loss.numpy())
    print("loss", float(loss), np.mean(w.numpy()))
g = tape.gradient(loss, w)
print(history, g.numpy())
