# source: https://github.com/autorope/donkeycar/pull/886
# reported: The saliency overlay of `donkey makemovie` was incompatible with TF2; the PR rewrites compute_visualisation_mask with tf.GradientTape: the image becomes tf.Variable(img, dtype=float), a persistent tape watches it, and one gradient per model output is squared and summed.
# observed (TF 2.21): the image variable is float32, each tape.gradient(p, images) in the loop over the two outputs is a real tensor, and the normalised mask has the image's height x width.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


def normalize(array, min_value=0., max_value=1.):
    arr_min = np.min(array)
    arr_max = np.max(array)
    normalized = (array - arr_min) / (arr_max - arr_min + K.epsilon())
    return (max_value - min_value) * normalized + min_value


def default_linear(input_shape=(12, 16, 3)):
    img_in = tf.keras.Input(shape=input_shape, name='img_in')
    x = tf.keras.layers.Conv2D(4, (3, 3), strides=(2, 2), activation='relu', name='conv2d_1')(img_in)
    x = tf.keras.layers.Flatten(name='flattened')(x)
    x = tf.keras.layers.Dense(8, activation='relu', name='dense_1')(x)
    angle_out = tf.keras.layers.Dense(1, activation='linear', name='n_outputs0')(x)
    throttle_out = tf.keras.layers.Dense(1, activation='linear', name='n_outputs1')(x)
    return tf.keras.Model(inputs=[img_in], outputs=[angle_out, throttle_out])


class MakeMovie(object):
    def __init__(self, model_type='linear'):
        self.model_type = model_type

    def init_salient(self, model):
        # Utility to search for layer index by name.
        output_name = []
        layer_idx = []
        for i, layer in enumerate(model.layers):
            if "dropout" not in layer.name.lower() and "out" in layer.name.lower():
                output_name.append(layer.name)
                layer_idx.append(i)

        if output_name == []:
            print("Failed to find the model layer named with 'out'. Skipping salient.")
            return False

        # ensure we have linear activation
        for li in layer_idx:
            model.layers[li].activation = tf.keras.activations.linear
        self.sal_model = model
        return True

    def compute_visualisation_mask(self, img):
        img = img.reshape((1,) + img.shape)
        images = tf.Variable(img, dtype=float)

        if self.model_type == 'linear':
            with tf.GradientTape(persistent=True) as tape:
                tape.watch(images)
                pred_list = self.sal_model(images, training=False)
        elif self.model_type == 'categorical':
            with tf.GradientTape(persistent=True) as tape:
                tape.watch(images)
                pred = self.sal_model(images, training=False)
                pred_list = []
                for p in pred:
                    maxindex = tf.math.argmax(p[0])
                    pred_list.append(p[0][maxindex])

        grads = 0
        for p in pred_list:
            grad = tape.gradient(p, images)
            grads += tf.math.square(grad)
        grads = tf.math.sqrt(grads)

        channel_idx = 1 if K.image_data_format() == 'channels_first' else -1
        grads = np.sum(grads, axis=channel_idx)
        res = normalize(grads)[0]
        return res


movie = MakeMovie(model_type='linear')
movie.init_salient(default_linear())
norm_img = np.random.rand(12, 16, 3).astype(np.float32)
mask = movie.compute_visualisation_mask(norm_img)
print(mask.shape)
