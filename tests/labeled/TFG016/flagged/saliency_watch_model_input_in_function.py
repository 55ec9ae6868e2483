# A saliency helper watches the model's symbolic input instead of the image it feeds in;
# the tape refuses the KerasTensor.
import numpy as np
import tensorflow as tf


def saliency(model, image):
    with tf.GradientTape() as tape:
        tape.watch(model.input)  # expect: TFG016
        preds = model(image)
        top = tf.reduce_max(preds, axis=1)
    return tape.gradient(top, image)


inp = tf.keras.Input((5,))
net = tf.keras.Model(inp, tf.keras.layers.Dense(3, activation="softmax")(inp))
img = tf.constant(np.random.rand(1, 5).astype("float32"))
print(saliency(net, img))
