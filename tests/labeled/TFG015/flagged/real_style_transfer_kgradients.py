# source: https://github.com/JuanNegredo/Deep-Learning-with-Python/blob/master/Ch.8_3_Neural_Style_Transfer.ipynb
# reported: Course notebook (Deep Learning with Python 8.3) for neural style transfer: a K.placeholder combination image, content/style/variation losses on VGG19 layer outputs, K.gradients(loss, combination_image) and K.function fed to scipy L-BFGS via an Evaluator class.
# observed (TF 2.21): AttributeError: module 'keras._tf_keras.keras.backend' has no attribute 'placeholder' -- raised at line 11 (K.placeholder), before K.gradients at line 49 / K.function at line 50
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras import layers, models

img_height, img_width = 32, 32
target_image = K.constant(np.random.rand(1, img_height, img_width, 3).astype("float32"))
style_reference_image = K.constant(np.random.rand(1, img_height, img_width, 3).astype("float32"))
combination_image = K.placeholder((1, img_height, img_width, 3))  # expect: TFG015
input_tensor = K.concatenate([target_image, style_reference_image, combination_image], axis=0)


def tiny_vgg(input_tensor):
    inp = layers.Input(tensor=input_tensor)
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="block1_conv1")(inp)
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="block2_conv1")(x)
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="block5_conv2")(x)
    return models.Model(inp, x)


model = tiny_vgg(input_tensor)


def content_loss(base, combination):
    return K.sum(K.square(combination - base))


def gram_matrix(x):
    features = K.batch_flatten(K.permute_dimensions(x, (2, 0, 1)))
    return K.dot(features, K.transpose(features))


def style_loss(style, combination):
    S, C = gram_matrix(style), gram_matrix(combination)
    channels, size = 3, img_height * img_width
    return K.sum(K.square(S - C)) / (4. * (channels ** 2) * (size ** 2))


outputs_dict = dict([(layer.name, layer.output) for layer in model.layers])
layer_features = outputs_dict["block5_conv2"]
loss = K.variable(0.)
loss = loss + 0.025 * content_loss(layer_features[0, :, :, :], layer_features[2, :, :, :])
for layer_name in ["block1_conv1", "block2_conv1"]:
    lf = outputs_dict[layer_name]
    loss = loss + (1. / 2) * style_loss(lf[1, :, :, :], lf[2, :, :, :])

grads = K.gradients(loss, combination_image)[0]
fetch_loss_and_grads = K.function([combination_image], [loss, grads])


class Evaluator(object):
    def __init__(self):
        self.loss_value = None
        self.grads_values = None

    def loss(self, x):
        x = x.reshape((1, img_height, img_width, 3))
        outs = fetch_loss_and_grads([x])
        self.loss_value = outs[0]
        self.grad_values = outs[1].flatten().astype("float64")
        return self.loss_value

    def grads(self, x):
        return np.copy(self.grad_values)


evaluator = Evaluator()
x = np.random.rand(img_height * img_width * 3)
for i in range(5):  # plain gradient steps instead of scipy's fmin_l_bfgs_b (scipy not installed)
    min_val = evaluator.loss(x)
    x -= 0.01 * evaluator.grads(x)
print("RESULT loss", min_val)
