# The same compiled step, debugged with tf.functions run eagerly: the loop is a Python loop and
# the gradient is a value.
# recorder: keep autograph
import tensorflow as tf

tf.config.run_functions_eagerly(True)
batches = tf.data.Dataset.from_tensor_slices(([1.0, 2.0, 3.0], [2.0, 4.1, 5.9]))
slope = tf.Variable(0.5)


@tf.function
def train_step():
    with tf.GradientTape() as tape:
        loss = 0.0
        for x, y in batches:
            loss += (slope * x - y) ** 2
    return tape.gradient(loss, slope)


print(train_step())
