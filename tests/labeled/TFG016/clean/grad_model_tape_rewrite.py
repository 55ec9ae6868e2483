# The TensorFlow 2 Grad-CAM: a model that returns the conv layer's output and the predictions,
# called on the image under a tape. KerasTensors only build the model.
import numpy as np
import tensorflow as tf

inp = tf.keras.Input((8, 8, 3))
conv = tf.keras.layers.Conv2D(4, 3, name="last_conv")(inp)
out = tf.keras.layers.Dense(2)(tf.keras.layers.GlobalAveragePooling2D()(conv))
model = tf.keras.Model(inp, out)
grad_model = tf.keras.Model(model.inputs, [model.get_layer("last_conv").output, model.output])
img = tf.constant(np.random.rand(1, 8, 8, 3).astype("float32"))
with tf.GradientTape() as tape:
    conv_out, preds = grad_model(img)
    class_channel = preds[:, 1]
grads = tape.gradient(class_channel, conv_out)
pooled = tf.reduce_mean(grads, axis=(0, 1, 2))
print(pooled.shape)
