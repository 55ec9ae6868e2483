# Helper receiving the model and the inputs; the inputs are watched inside the tape
# before the forward pass, batch_jacobian per sample.
import tensorflow as tf


def per_sample_jacobian(model, inputs):
    with tf.GradientTape() as tape:
        tape.watch(inputs)
        out = model(inputs)
    return tape.batch_jacobian(out, inputs)


mlp = tf.keras.Sequential([tf.keras.layers.Dense(4, activation="tanh"), tf.keras.layers.Dense(2)])
print(per_sample_jacobian(mlp, tf.random.normal([3, 5])).shape)
