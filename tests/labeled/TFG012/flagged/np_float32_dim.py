# A dimension read from a numpy float32 scalar is passed to tf.zeros.
import numpy as np
import tensorflow as tf

hidden = np.float32(4)
state = tf.zeros((hidden, 2))  # expect: TFG012
print(state)
