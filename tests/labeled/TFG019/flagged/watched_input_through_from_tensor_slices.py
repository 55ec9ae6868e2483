# A saliency-style check over a batch: the inputs are watched, then fed through a dataset
# built from them, so the per-example outputs are not connected to the watched tensor.
import tensorflow as tf

x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
w = tf.constant([[0.5], [-0.25]])
with tf.GradientTape() as tape:
    tape.watch(x)
    rows = tf.data.Dataset.from_tensor_slices(x).batch(1)
    out = 0.0
    for row in rows:
        out += tf.reduce_sum(tf.tanh(row @ w))
saliency = tape.gradient(out, x)  # expect: TFG019
print(saliency)
