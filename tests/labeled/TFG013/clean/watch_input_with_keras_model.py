# A saliency map: the tape watches the input image, not the model's weights, so Keras 3
# has nothing to refuse.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(2)])
image = tf.random.normal((1, 4))
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(image)
    score = model(image)[:, 1]
saliency = tape.gradient(score, image)
print(tf.abs(saliency).numpy())
