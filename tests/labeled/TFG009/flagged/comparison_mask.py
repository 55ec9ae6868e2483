# Soft thresholding via a comparison cast back to float: the comparison has no gradient.
import tensorflow as tf

x = tf.random.normal([6])
with tf.GradientTape() as tape:
    tape.watch(x)
    mask = tf.cast(x > 0.0, tf.float32)
    y = tf.reduce_sum(mask)
dx = tape.gradient(y, x)  # expect: TFG009
print(dx)
