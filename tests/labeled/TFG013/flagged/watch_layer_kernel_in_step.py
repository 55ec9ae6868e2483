# A training step ported from TF 2.4 watches a Dense layer's kernel before the forward pass;
# under Keras 3 the kernel is a keras.Variable and the watch raises ValueError.
import tensorflow as tf

dense = tf.keras.layers.Dense(3)
head = tf.keras.layers.Dense(1)
optimizer = tf.keras.optimizers.SGD(0.1)


def train_step(x, y):
    with tf.GradientTape() as tape:
        tape.watch(dense.kernel)  # expect: TFG013
        loss = tf.reduce_mean((head(dense(x)) - y) ** 2)
    variables = dense.trainable_variables + head.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss


dense.build((None, 2))
print(train_step(tf.ones((4, 2)), tf.zeros((4, 1))))
