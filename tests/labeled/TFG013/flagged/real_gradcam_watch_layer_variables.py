# source: https://github.com/ayulockin/interpretabilitycnn/pull/1
# reported: PR "fixed GradCAM class (new tf version)": tape.watch(self.gradModel.get_layer(self.layerName).output) was replaced by tape.watch(self.gradModel.get_layer(self.layerName).variables).
# observed (TF 2.21): ValueError: Passed in object <Variable path=conv_last/kernel, shape=(3, 3, 3, 8), dtype=float32, value=[[[[ ... (values elided) -- message ends: of type 'Variable', not tf.Tensor or tf.Variable or ExtensionType. -- raised at line 20 (tape.watch(layer.variables) on Keras 3 variables)
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Model
from tensorflow.keras import layers


class GradCAM:
    def __init__(self, model, classIdx, layerName):
        self.model = model
        self.classIdx = classIdx
        self.layerName = layerName
        self.gradModel = Model(inputs=[self.model.inputs],
                               outputs=[self.model.get_layer(self.layerName).output, self.model.output])

    def compute_heatmap(self, image, eps=1e-8):
        with tf.GradientTape() as tape:
            tape.watch(self.gradModel.get_layer(self.layerName).variables)  # expect: TFG013
            inputs = tf.cast(image, tf.float32)
            (convOutputs, predictions) = self.gradModel(inputs)
            loss = predictions[:, self.classIdx]
        grads = tape.gradient(loss, convOutputs)
        castConvOutputs = tf.cast(convOutputs > 0, "float32")
        castGrads = tf.cast(grads > 0, "float32")
        guidedGrads = castConvOutputs * castGrads * grads
        weights = tf.reduce_mean(guidedGrads[0], axis=(0, 1))
        cam = tf.reduce_sum(tf.multiply(weights, convOutputs[0]), axis=-1)
        return (cam - tf.reduce_min(cam)) / (tf.reduce_max(cam) - tf.reduce_min(cam) + eps)


inp = layers.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu", name="conv_last")(inp)
x = layers.GlobalAveragePooling2D()(x)
out = layers.Dense(3, activation="softmax")(x)
model = Model(inp, out)

image = np.random.rand(1, 32, 32, 3)
cam = GradCAM(model, classIdx=1, layerName="conv_last")
heatmap = cam.compute_heatmap(image)
print("RESULT heatmap", heatmap.shape)
