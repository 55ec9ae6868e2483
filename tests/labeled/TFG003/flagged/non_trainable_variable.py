# A scale parameter frozen with trainable=False is not watched automatically.
import tensorflow as tf

scale = tf.Variable(1.5, trainable=False)
bias = tf.Variable(0.1)
x = tf.random.normal([10])

with tf.GradientTape() as tape:
    loss = tf.reduce_mean((scale * x + bias) ** 2)
d_scale = tape.gradient(loss, scale)  # expect: TFG003
print(d_scale)
