# Adversarial-example code asks the tape for the gradient with respect to model.input of a
# keras.applications network; the source is a KerasTensor and the gradient call raises.
import numpy as np
import tensorflow as tf

model = tf.keras.applications.MobileNetV2(weights=None, input_shape=(32, 32, 3), classes=4)
image = tf.constant(np.random.rand(1, 32, 32, 3).astype("float32"))
label = tf.one_hot([1], 4)
with tf.GradientTape() as tape:
    prediction = model(image)
    loss = tf.keras.losses.categorical_crossentropy(label, prediction)
gradient = tape.gradient(loss, model.input)  # expect: TFG016
signed_grad = tf.sign(gradient)
