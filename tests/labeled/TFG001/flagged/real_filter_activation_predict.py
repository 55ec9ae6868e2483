# source: https://whosebug.com/question/4531662/How-to-compute-gradients-of-a-filter-s-activation-of-an-intermediate-layer-with-respect-to-an-input-image-in-Tensorflow-2-0
# reported: Visualising a block3_conv1 filter in TF 2.0: tape.watch(inputs), activation_model.predict(inputs), np.mean of the filter activations as loss, and tape.gradient(tf.convert_to_tensor(loss), inputs) gave None.
# observed (TF 2.21): gradient is None at line 24 (tape.gradient after activation_model.predict at line 21 left the tape; no exception)
import numpy as np
import tensorflow as tf
from tensorflow.keras import Model, layers

base = tf.keras.Sequential([
    layers.Input(shape=(None, None, 3)),
    layers.Conv2D(8, 3, padding="same", activation="relu", name="block1_conv1"),
    layers.MaxPooling2D(name="block1_pool"),
    layers.Conv2D(16, 3, padding="same", activation="relu", name="block3_conv1"),
])
base(np.zeros((1, 8, 8, 3), dtype="float32"))

inputs = tf.convert_to_tensor(np.random.random((1, 150, 150, 3)))
activation_model = Model(inputs=base.inputs, outputs=base.get_layer("block3_conv1").output)

with tf.GradientTape() as tape:
    tape.watch(inputs)
    preds = activation_model.predict(inputs, verbose=0)
    loss = np.mean(preds[:, :, :, 0])  # mean activation of filter 0 as the loss

grads = tape.gradient(tf.convert_to_tensor(loss), inputs)  # expect: TFG001
print("RESULT grads:", grads)
