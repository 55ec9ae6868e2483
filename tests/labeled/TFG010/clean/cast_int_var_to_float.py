# Correctly left alone: an integer counter variable is cast to float, only the float variable is a source.
# TensorFlow 2.21 returns a real gradient. (every gradient is real and non-zero)
import tensorflow as tf

step = tf.Variable(0, trainable=False)
w = tf.Variable(1.0)
for _ in range(2):
    with tf.GradientTape() as tape:
        decay = tf.cast(step, tf.float32) * 0.1
        loss = (w - decay) ** 2 + w
    g = tape.gradient(loss, w)
    w.assign_sub(0.1 * g)
    step.assign_add(1)
