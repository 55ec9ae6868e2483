# The noise batch is half the dataset size, computed with true division.
import numpy as np
import tensorflow as tf

data = np.random.rand(10, 3).astype("float32")
half = len(data) / 2
noise = tf.random.normal([half, 3])  # expect: TFG012
print(noise.shape)
