# The same loss in TensorFlow 2: call the model under a tape and differentiate the result.
import numpy as np
import tensorflow as tf

inp = tf.keras.Input((8, 8, 3))
conv = tf.keras.layers.Conv2D(4, 3, name="conv")(inp)
model = tf.keras.Model(inp, tf.keras.layers.GlobalAveragePooling2D()(conv))
img = tf.constant(np.random.rand(1, 8, 8, 3).astype("float32"))
with tf.GradientTape() as tape:
    tape.watch(img)
    loss = model(img)[:, 1]
grads = tape.gradient(loss, img)
print(float(loss[0]), grads.shape)
