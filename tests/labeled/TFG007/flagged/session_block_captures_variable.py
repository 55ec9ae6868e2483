# TF1 habits in a TF2 script: the weights are made eagerly, then a Session block builds the
# forward pass from them; the block's graph cannot capture the eager variable.
import numpy as np
import tensorflow as tf

weights = tf.Variable(np.ones((3, 1), dtype=np.float32))
inputs = np.random.rand(4, 3).astype(np.float32)

with tf.compat.v1.Session() as sess:
    scores = inputs @ weights  # expect: TFG007
    print(sess.run(scores))
