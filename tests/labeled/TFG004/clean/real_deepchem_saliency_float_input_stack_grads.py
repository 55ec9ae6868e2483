# source: https://github.com/deepchem/deepchem/pull/1445
# reported: The diabetic-retinopathy example declared its input as uint8 and converted it inside the model, so saliency (derivatives w.r.t. the input) was impossible; the PR declares the input as float and scales it. This is the fixed model with the same compute_saliency.
# observed (TF 2.21): _prepare_batch keeps the images float32, every tape.gradient(output_i, X) is a real tensor and tf.stack builds the (2, 8, 8, 3) saliency map.
import numpy as np
import tensorflow as tf


class KerasModel(object):
    def __init__(self, model, input_dtypes):
        self.model = model
        self._input_dtypes = input_dtypes

    def _prepare_batch(self, batch):
        inputs, labels, weights = batch
        inputs = [x if x.dtype == t else x.astype(t) for x, t in zip(inputs, self._input_dtypes)]
        return inputs, labels, weights

    def _compute_model(self, inputs):
        return self.model(inputs, training=False)

    def compute_saliency(self, X):
        """Compute the saliency map for an input sample.

        This computes the Jacobian matrix with the derivative of each output element
        with respect to each input element.  More precisely,

        - If this model has a single output, it returns a matrix of shape
          (output_shape, input_shape) with the derivatives.
        - If this model has multiple outputs, it returns a list of matrices, one
          for each output.
        """
        input_shape = X.shape
        X = np.reshape(X, [1] + list(X.shape))
        X, _, _ = self._prepare_batch(([X], None, None))

        # Use a GradientTape to compute gradients.

        X = tf.constant(X[0])
        with tf.GradientTape(persistent=True, watch_accessed_variables=False) as tape:
            tape.watch(X)
            outputs = self._compute_model(X)
            if tf.is_tensor(outputs):
                outputs = [outputs]
            final_result = []
            for output in outputs:
                output_shape = tuple(output.shape.as_list()[1:])
                output = tf.reshape(output, [-1])
                result = []
                for i in range(output.shape[0]):
                    output_i = output[i]
                    with tape.stop_recording():
                        grad = tape.gradient(output_i, X)
                    result.append(grad)
                final_result.append(tf.reshape(tf.stack(result), output_shape + input_shape).numpy())
        if len(final_result) == 1:
            return final_result[0]
        return final_result


def build_dr_model(image_size=8, n_classes=2):
    image = tf.keras.Input(shape=(image_size, image_size, 3), dtype='float32')
    x = tf.keras.layers.Lambda(lambda t: t / 255.0)(image)
    x = tf.keras.layers.Conv2D(4, 3, padding='same', activation='relu')(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    logits = tf.keras.layers.Dense(n_classes)(x)
    return tf.keras.Model(image, logits)


model = KerasModel(build_dr_model(), input_dtypes=[np.float32])
image = (np.random.rand(8, 8, 3) * 255).astype(np.float32)
saliency = model.compute_saliency(image)
print(saliency.shape)
