# The same fit with the sum taken by a Python loop over the dataset: every step is on the tape.
import tensorflow as tf

data = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 4.0, 5.0])
mu = tf.Variable(0.5)
with tf.GradientTape() as tape:
    loss = 0.0
    for x in data:
        loss += (x - mu) ** 2
dmu = tape.gradient(loss, mu)
print("d loss / d mu:", dmu.numpy())
