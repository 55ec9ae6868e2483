# A Grad-CAM class keeps the functional model on self and builds the class score from its
# symbolic output with a TensorFlow op; Keras 3 refuses the KerasTensor.
import numpy as np
import tensorflow as tf


class GradCAM:
    def __init__(self, layer_name):
        inp = tf.keras.Input((8, 8, 3))
        conv = tf.keras.layers.Conv2D(4, 3, name=layer_name)(inp)
        out = tf.keras.layers.Dense(2)(tf.keras.layers.GlobalAveragePooling2D()(conv))
        self.model = tf.keras.Model(inputs=inp, outputs=out)
        self.layer_name = layer_name

    def heatmap(self, image, class_idx):
        score = tf.reduce_mean(self.model.output[:, class_idx])  # expect: TFG016
        return score


cam = GradCAM("conv")
print(cam.heatmap(np.zeros((1, 8, 8, 3), "float32"), 1))
