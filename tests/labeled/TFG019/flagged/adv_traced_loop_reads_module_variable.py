# The README's own shape: a tf.function sums over a dataset with a for loop reading a module
# variable, and the tape is around the call.
# recorder: keep autograph
import tensorflow as tf

ds = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 4.0])
mu = tf.Variable(0.5)


@tf.function
def objective():
    s = tf.constant(0.0)
    for x in ds:
        s += (x - mu) ** 2
    return s


with tf.GradientTape() as tape:
    loss = objective()
print("dmu:", tape.gradient(loss, mu))  # expect: TFG019
