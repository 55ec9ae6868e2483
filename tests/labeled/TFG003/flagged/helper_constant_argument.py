# The helper takes the model and the input tensor as parameters; the caller passes a
# tf.constant, which the helper never watches.
import tensorflow as tf


def input_sensitivity(model, inputs):
    with tf.GradientTape() as tape:
        out = model(inputs)
    return tape.gradient(out, inputs)  # expect: TFG003


mlp = tf.keras.Sequential([tf.keras.layers.Dense(3, activation="relu"), tf.keras.layers.Dense(1)])
points = tf.constant([[0.1, 0.2], [0.3, 0.4]])
print(input_sensitivity(mlp, points))
