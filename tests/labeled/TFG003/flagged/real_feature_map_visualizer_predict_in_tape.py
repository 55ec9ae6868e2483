# source: https://isolution.pro/q/so69914111/tensorflow-2-wa-kobai-o-keisanshimasen (mirror of a Stack Overflow question)  # known-miss: the source is an expression (pic[0]) made at the gradient call, not a name
# reported: A feature-map visualizer class builds a sub-model up to a chosen conv layer, runs model.predict on a random picture inside a GradientTape and asks for the gradient w.r.t. pic[0]; the gradient comes back None and apply_gradients fails.
# observed (TF 2.21): tape.gradient returns None at line 41 (pic is never watched and model.predict leaves TensorFlow); zip(None, ...) in apply_gradients raises TypeError at line 43.
import numpy as np
import tensorflow as tf
from tensorflow.keras.applications import vgg16


def small_backbone():
    inp = tf.keras.Input(shape=(16, 16, 3))
    x = tf.keras.layers.Conv2D(4, 3, padding="same", activation="relu", name="block1_conv1")(inp)
    x = tf.keras.layers.Conv2D(6, 3, padding="same", activation="relu", name="block1_conv2")(x)
    x = tf.keras.layers.MaxPooling2D(name="block1_pool")(x)
    x = tf.keras.layers.Conv2D(8, 3, padding="same", activation="relu", name="block2_conv1")(x)
    return tf.keras.Model(inp, x, name="vgg_like")


class maxFeatureMap():
    def __init__(self, model):
        self.model = model
        self.optimizer = tf.keras.optimizers.Adam()

    def getNumLayers(self, layer_name):
        num = 0
        for layer in self.model.layers:
            if layer.name == layer_name:
                weights = layer.get_weights()
                num = weights[1].shape[0]
        return "There are {} feature maps in {}".format(num, layer_name)

    def getGradient(self, layer, feature_map):
        pic = vgg16.preprocess_input(np.random.uniform(size=(1, 16, 16, 3)) * 255.0)
        pic = tf.convert_to_tensor(pic)
        model = tf.keras.Model(inputs=self.model.inputs,
                               outputs=self.model.layers[layer].output)
        with tf.GradientTape() as tape:
            # predicts the output of the model and only keeps the requested feature map
            predictions = model.predict(pic, steps=1, verbose=0)[0][:, :, feature_map]
            loss = tf.reduce_mean(predictions)
        print(loss)
        gradients = tape.gradient(loss, pic[0])  # expect: TFG003, TFG008
        print(gradients)
        self.optimizer.apply_gradients(zip(gradients, pic))  # expect: TFG004


visualizer = maxFeatureMap(small_backbone())
print(visualizer.getNumLayers("block1_conv2"))
visualizer.getGradient(2, 3)
