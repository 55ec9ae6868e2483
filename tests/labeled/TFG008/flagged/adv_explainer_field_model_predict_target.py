# Input-gradient (saliency) where the target is the result of model.predict: a numpy array.
import numpy as np
import tensorflow as tf


class Explainer:
    def __init__(self, model):
        self.model = model

    def input_gradient(self, images):
        images = tf.convert_to_tensor(images)
        with tf.GradientTape() as tape:
            tape.watch(images)
            scores = self.model.predict(images, verbose=0)
        return tape.gradient(scores, images)  # expect: TFG008


clf = tf.keras.Sequential([
    tf.keras.Input(shape=(8, 8, 1)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(3, activation="softmax"),
])
batch = np.random.rand(2, 8, 8, 1).astype("float32")
sal = Explainer(clf).input_gradient(batch)
print(sal.shape)
