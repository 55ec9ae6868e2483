# source: https://github.com/sicara/tf-explain/issues/102 (fixed by https://github.com/sicara/tf-explain/pull/167)
# reported: GradCAM on a transfer-learning VGG16 whose layers were frozen (only block5_conv3 re-enabled) gave "Gradient is of type None" at `grads = tape.gradient(loss, conv_outputs)`; the fix added `tape.watch(inputs)` in get_gradients_and_filters.
# observed (TF 2.21): with the tape.watch(inputs) fix (and Keras 3 freezing) tape.gradient returns a real gradient for the conv outputs; the heat-map is computed.
import numpy as np
import tensorflow as tf


class GradCAM:
    """Perform Grad CAM algorithm for a given input"""

    def explain(self, validation_data, model, class_index, layer_name=None, use_guided_grads=True):
        images, _ = validation_data
        if layer_name is None:
            layer_name = self.infer_grad_cam_target_layer(model)
        outputs, grads = GradCAM.get_gradients_and_filters(
            model, images, layer_name, class_index, use_guided_grads)
        cams = GradCAM.generate_ponderated_output(outputs, grads)
        return np.stack([cam.numpy() for cam in cams])

    @staticmethod
    def infer_grad_cam_target_layer(model):
        for layer in reversed(model.layers):
            # Select closest 4D layer to the end of the network.
            if len(layer.output.shape) == 4:
                return layer.name
        raise ValueError("Model does not seem to contain 4D layer. Grad CAM cannot be applied.")

    @staticmethod
    def get_gradients_and_filters(model, images, layer_name, class_index, use_guided_grads):
        grad_model = tf.keras.models.Model(
            [model.inputs], [model.get_layer(layer_name).output, model.output])
        with tf.GradientTape() as tape:
            inputs = tf.cast(images, tf.float32)
            tape.watch(inputs)
            conv_outputs, predictions = grad_model(inputs)
            loss = predictions[:, class_index]
        grads = tape.gradient(loss, conv_outputs)
        if use_guided_grads:
            grads = (
                tf.cast(conv_outputs > 0, "float32")
                * tf.cast(grads > 0, "float32")
                * grads
            )
        return conv_outputs, grads

    @staticmethod
    def generate_ponderated_output(outputs, grads):
        maps = [GradCAM.ponderate_output(output, grad) for output, grad in zip(outputs, grads)]
        return maps

    @staticmethod
    def ponderate_output(output, grad):
        weights = tf.reduce_mean(grad, axis=(0, 1))
        cam = tf.reduce_sum(tf.multiply(weights, output), axis=-1)
        return cam


def small_vgg(n_classes=5):
    inp = tf.keras.Input((12, 12, 3))
    x = tf.keras.layers.Conv2D(4, 3, padding="same", activation="relu", name="block1_conv1")(inp)
    x = tf.keras.layers.MaxPooling2D(name="block1_pool")(x)
    x = tf.keras.layers.Conv2D(6, 3, padding="same", activation="relu", name="block5_conv3")(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    model = tf.keras.Model(inp, out)
    # transfer learning: everything frozen, then the last conv block re-enabled
    for layer in model.layers:
        layer.trainable = False
    model.get_layer("block5_conv3").trainable = True
    return model


model = small_vgg()
u = np.random.uniform(0, 255, size=(1, 12, 12, 3)).astype("float64")
validation_data = (u, 2)
explainer = GradCAM()
output = explainer.explain(validation_data, model, 2, "block5_conv3")
print(output.shape)
