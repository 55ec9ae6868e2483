# source: https://deeplearningwithpython.io/chapters/chapter10_interpreting-what-convnets-learn
# reported: Book chapter (Keras 3 edition) visualising convnet filters: a feature_extractor Model(model.input, layer.output), and a tf.function gradient-ascent step that watches the image tensor in a GradientTape and normalises the gradient.
# observed (TF 2.21): runs clean (tape.gradient at line 30 returns a tensor inside tf.function)
import numpy as np
import tensorflow as tf
import keras
from keras import ops

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    keras.layers.Conv2D(8, 3, activation="relu", name="block1_conv"),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(16, 3, activation="relu", name="block3_sepconv1"),
])
layer = model.get_layer(name="block3_sepconv1")
feature_extractor = keras.Model(inputs=model.inputs, outputs=layer.output)


def compute_loss(image, filter_index):
    activation = feature_extractor(image)
    filter_activation = activation[:, 2:-2, 2:-2, filter_index]
    return ops.mean(filter_activation)


@tf.function
def gradient_ascent_step(image, filter_index, learning_rate):
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = compute_loss(image, filter_index)
    grads = tape.gradient(loss, image)
    grads = ops.normalize(grads)
    image += learning_rate * grads
    return image


img_width = img_height = 64


def generate_filter_pattern(filter_index):
    iterations = 30
    learning_rate = 10.0
    image = tf.random.uniform(minval=0.4, maxval=0.6, shape=(1, img_width, img_height, 3))
    for i in range(iterations):
        image = gradient_ascent_step(image, filter_index, learning_rate)
    return image[0].numpy()


pattern = generate_filter_pattern(filter_index=2)
print("RESULT pattern", pattern.shape, float(pattern.std()))
