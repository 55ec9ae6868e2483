# Input saliency: the image comes from numpy through tf.convert_to_tensor and is never watched.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3)])
image = tf.convert_to_tensor(np.random.rand(2, 4).astype("float32"))

with tf.GradientTape() as tape:
    logits = model(image)
    score = tf.reduce_max(logits)
saliency = tape.gradient(score, image)  # expect: TFG003
print(saliency)
