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
class_output = model.output[:, class_idx]
last_conv_layer = model.get_layer("conv2d_3")
grads = K.gradients(class_output, last_conv_layer.output)[0]  # expect: TFG015
pooled_grads = K.mean(grads, axis=(0, 1, 2))
iterate = K.function([model.input], [pooled_grads, last_conv_layer.output[0]])
pooled_grads_value, conv_layer_output_value = iterate([x])
for i in range(4):
    conv_layer_output_value[:, :, i] *= pooled_grads_value[i]
heatmap = np.maximum(np.mean(conv_layer_output_value, axis=-1), 0)
print("heatmap:", heatmap.shape)
