# Correctly left alone: a float scale is applied to the dims through int(); the float multiplies values only.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

scale = 0.5
width = int(16 * scale)
x = tf.random.normal([4, width]) * scale
layer_w = tf.Variable(tf.ones((width, 1)))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.matmul(x, layer_w) * scale)
g = tape.gradient(y, layer_w)
