# Correctly left alone: an integer tensor is used only as gather indices; the source is float.
# TensorFlow 2.21 returns a real (5,) gradient with counts at the gathered places. (every gradient is real)
import tensorflow as tf

idx = tf.range(0, 5, 2)
params = tf.constant([1.0, 2.0, 3.0, 4.0, 5.0])
with tf.GradientTape() as tape:
    tape.watch(params)
    picked = tf.gather(params, idx)
    loss = tf.reduce_sum(picked ** 2) + tf.reduce_sum(params)
g = tape.gradient(loss, params)
