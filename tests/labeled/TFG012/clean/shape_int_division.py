# Shapes derived with // and int(); none of them is a float.
import tensorflow as tf

n = 10
half = tf.zeros([n // 2, 1])
third = tf.ones((int(n / 3), 2))
noise = tf.random.normal([int(1e2), 1])
x = tf.Variable(tf.fill([n // 5], 0.5))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(x * tf.reduce_sum(half) + tf.reduce_mean(third) + tf.reduce_mean(noise))
print(half.shape, third.shape, noise.shape, tape.gradient(y, x))
