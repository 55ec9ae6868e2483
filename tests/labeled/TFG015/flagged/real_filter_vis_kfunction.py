# source: https://github.com/JuanNegredo/Deep-Learning-with-Python/blob/master/5.4_Visualizing_what_Convnets_Learn.ipynb
# reported: Course notebook (Deep Learning with Python 5.4) visualising convnet filters by gradient ascent: loss = K.mean(layer_output[..., filter_index]), grads = K.gradients(loss, model.input)[0], iterate = K.function([model.input], [loss, grads]).
# observed (TF 2.21): AttributeError: module 'keras.backend' has no attribute 'mean' -- raised at line 32 (K.mean on layer.output), before K.gradients at line 33 / K.function at line 35
import numpy as np
from keras import layers, models
from keras import backend as K

# small stand-in for VGG16(include_top=False)
model = models.Sequential([
    layers.Input(shape=(64, 64, 3)),
    layers.Conv2D(8, 3, activation="relu", padding="same", name="block1_conv1"),
    layers.MaxPooling2D(name="block1_pool"),
    layers.Conv2D(16, 3, activation="relu", padding="same", name="block3_conv1"),
])

layer_name = "block3_conv1"
filter_index = 0


def deprocess_image(x):
    x -= x.mean()
    x /= (x.std() + 1e-5)
    x *= 0.1
    x += 0.5
    x = np.clip(x, 0, 1)
    x *= 255
    return np.clip(x, 0, 255).astype("uint8")


def generate_pattern(layer_name, filter_index, size=64):
    layer_output = model.get_layer(layer_name).output
    loss = K.mean(layer_output[:, :, :, filter_index])  # expect: TFG015
    grads = K.gradients(loss, model.input)[0]
    grads /= (K.sqrt(K.mean(K.square(grads))) + 1e-5)
    iterate = K.function([model.input], [loss, grads])

    input_img_data = np.random.random((1, size, size, 3)) * 20 + 128.
    step = 1.
    for i in range(40):
        loss_value, grads_value = iterate([input_img_data])
        input_img_data += grads_value * step
    return deprocess_image(input_img_data[0])


pattern = generate_pattern(layer_name, filter_index)
print("RESULT pattern", pattern.shape)
