# The batch is unpacked from a dict of random tensors; the gradient is asked with  # known-miss: FN line 11: the source `batch["features"]` is a subscript of a dict display; the model does not map dict keys to the values stored under them
# respect to the features, which no tape ever watched.
import tensorflow as tf

batch = {"features": tf.random.normal([5, 3]), "labels": tf.random.normal([5, 1])}
kernel = tf.Variable(tf.random.normal([3, 1]))
features, labels = batch["features"], batch["labels"]
with tf.GradientTape() as tape:
    pred = features @ kernel
    loss = tf.reduce_mean(tf.square(pred - labels))
d_kernel, d_features = tape.gradient(loss, [kernel, features])  # expect: TFG003
print(d_kernel.shape, d_features)
