# Bias initialised with a shape computed by true division, passed by keyword.
import tensorflow as tf

units = 10
bias = tf.zeros(shape=(units / 5,))  # expect: TFG012
print(bias)
