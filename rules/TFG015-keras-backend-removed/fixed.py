# Grad-CAM written for Keras 2: the gradient of the class score with respect to the last
# convolution's output, read through a backend function. Standalone Keras 3's backend has no
# gradients (nor mean, nor function): the first backend call raises.
import numpy as np
import tensorflow as tf
from keras import backend as K

init = tf.keras.initializers.GlorotUniform
inp = tf.keras.Input((8, 8, 3))
conv = tf.keras.layers.Conv2D(4, 3, name="conv2d_3", kernel_initializer=init(seed=1))(inp)
features = tf.keras.layers.GlobalAveragePooling2D()(conv)
probs = tf.keras.layers.Dense(2, activation="softmax", kernel_initializer=init(seed=2))(features)
model = tf.keras.Model(inp, probs)
x = np.linspace(0.0, 1.0, 192, dtype="float32").reshape(1, 8, 8, 3)

preds = model.predict(x, verbose=0)
class_idx = int(np.argmax(preds[0]))
last_conv_layer = model.get_layer("conv2d_3")
grad_model = tf.keras.Model(model.inputs, [last_conv_layer.output, model.output])
with tf.GradientTape() as tape:
    conv_outputs, predictions = grad_model(x)
    class_output = predictions[:, class_idx]
grads = tape.gradient(class_output, conv_outputs)
pooled_grads_value = tf.reduce_mean(grads, axis=(0, 1, 2)).numpy()
conv_layer_output_value = conv_outputs[0].numpy()
for i in range(4):
    conv_layer_output_value[:, :, i] *= pooled_grads_value[i]
heatmap = np.maximum(np.mean(conv_layer_output_value, axis=-1), 0)
print("heatmap:", heatmap.shape)
