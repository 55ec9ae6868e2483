# source: https://github.com/jacobgil/keras-grad-cam/issues/12
# reported: The Keras Grad-CAM script (K.gradients of the target-class score w.r.t. the last conv output, then K.function) broke after upgrading Keras/TF: K.gradients returned [None] and the normalisation raised "None values not supported".
# observed (TF 2.21): ValueError: A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing Keras Functional models or Keras Functions. (message continues) -- raised at line 41 (K.sum on model.layers[-1].output), before K.gradients at line 43 / K.function at line 44 are reached
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Lambda, Conv2D, MaxPooling2D, Flatten, Dense, Input
from tensorflow.keras.models import Sequential, Model


def target_category_loss(x, category_index, nb_classes):
    return tf.multiply(x, K.one_hot([category_index], nb_classes))


def target_category_loss_output_shape(input_shape):
    return input_shape


def normalize(x):
    # utility function to normalize a tensor by its L2 norm
    return x / (K.sqrt(K.mean(K.square(x))) + 1e-5)


def build_classifier(nb_classes):
    inp = Input(shape=(32, 32, 3))
    h = Conv2D(8, 3, activation="relu", name="block1_conv1")(inp)
    h = MaxPooling2D()(h)
    h = Conv2D(16, 3, activation="relu", name="block5_conv3")(h)
    h = Flatten()(h)
    out = Dense(nb_classes, activation="softmax")(h)
    return Model(inp, out, name="small_vgg")


def grad_cam(input_model, image, category_index, layer_name, nb_classes):
    model = Sequential()
    model.add(input_model)

    target_layer = lambda x: target_category_loss(x, category_index, nb_classes)
    model.add(Lambda(target_layer, output_shape=target_category_loss_output_shape))

    loss = K.sum(model.layers[-1].output)  # expect: TFG016
    conv_output = [l for l in model.layers[0].layers if l.name == layer_name][0].output
    grads = normalize(K.gradients(loss, conv_output)[0])
    gradient_function = K.function([model.layers[0].input], [conv_output, grads])

    output, grads_val = gradient_function([image])
    output, grads_val = output[0, :], grads_val[0, :, :, :]
    weights = np.mean(grads_val, axis=(0, 1))
    cam = np.ones(output.shape[0:2], dtype=np.float32)
    for i, w in enumerate(weights):
        cam += w * output[:, :, i]
    return np.maximum(cam, 0)


nb_classes = 10
model = build_classifier(nb_classes)
preprocessed_input = np.random.rand(1, 32, 32, 3).astype("float32")
predictions = model.predict(preprocessed_input, verbose=0)
predicted_class = int(np.argmax(predictions))
cam = grad_cam(model, preprocessed_input, predicted_class, "block5_conv3", nb_classes)
print("RESULT cam", cam.shape)
