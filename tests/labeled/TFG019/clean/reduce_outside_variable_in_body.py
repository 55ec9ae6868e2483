# The dataset's statistics are reduced by tf.data, but only as constants; the loss uses the
# variable directly, so its gradient is a value.
import tensorflow as tf

ds = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 3.0, 6.0])
total = ds.reduce(0.0, lambda acc, x: acc + x)
mu = tf.Variable(0.0)
with tf.GradientTape() as tape:
    loss = (total / 4.0 - mu) ** 2
    for x in ds:
        loss += 0.1 * (x - mu) ** 2
print(tape.gradient(loss, mu))
