# A maximum-likelihood fit written with Dataset.reduce: the sum of squared residuals runs inside
# a tf.data kernel, so the tape has no path from the mean to the loss.
import tensorflow as tf

data = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 4.0, 5.0])
mu = tf.Variable(0.5)
with tf.GradientTape() as tape:
    loss = data.reduce(0.0, lambda acc, x: acc + (x - mu) ** 2)
dmu = tape.gradient(loss, mu)  # expect: TFG019
print(dmu)
