# source: https://pythonguides.com/keras-grad-cam-class-activation-visualization/
# reported: Tutorial implementing Grad-CAM in TF2 Keras: grad_model = Model(model.inputs, [last_conv_layer.output, model.output]), a GradientTape around grad_model(img_array), tape.gradient(class_channel, last_conv_layer_output), pooled grads weighting the feature maps.
# observed (TF 2.21): runs clean (tape.gradient at line 29 returns a tensor; only an unrelated UserWarning: The structure of `inputs` doesn't match the expected structure.)
import numpy as np
import tensorflow as tf
from tensorflow import keras


def build_model():
    inputs = keras.Input(shape=(64, 64, 3))
    x = keras.layers.Conv2D(8, 3, activation="relu")(inputs)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Conv2D(16, 3, activation="relu", name="block14_sepconv2_act")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    outputs = keras.layers.Dense(5, activation="softmax", name="predictions")(x)
    return keras.Model(inputs, outputs)


def make_gradcam_heatmap(img_array, model, last_conv_layer_name, pred_index=None):
    grad_model = keras.models.Model(
        model.inputs, [model.get_layer(last_conv_layer_name).output, model.output]
    )
    with tf.GradientTape() as tape:
        last_conv_layer_output, preds = grad_model(img_array)
        if pred_index is None:
            pred_index = tf.argmax(preds[0])
        class_channel = preds[:, pred_index]

    grads = tape.gradient(class_channel, last_conv_layer_output)
    pooled_grads = tf.reduce_mean(grads, axis=(0, 1, 2))
    last_conv_layer_output = last_conv_layer_output[0]
    heatmap = last_conv_layer_output @ pooled_grads[..., tf.newaxis]
    heatmap = tf.squeeze(heatmap)
    heatmap = tf.maximum(heatmap, 0) / (tf.math.reduce_max(heatmap) + 1e-8)
    return heatmap.numpy()


model = build_model()
model.layers[-1].activation = None  # remove last layer's softmax, as in the tutorial
img_array = np.random.rand(1, 64, 64, 3).astype("float32")
heatmap = make_gradcam_heatmap(img_array, model, "block14_sepconv2_act")
print("RESULT heatmap", heatmap.shape, float(heatmap.max()))
