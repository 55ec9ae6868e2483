# Half of the batch as noise: n / 2 is a float in Python 3.
import tensorflow as tf

n = 8
noise = tf.random.normal([n / 2, 3])  # expect: TFG012
print(noise)
