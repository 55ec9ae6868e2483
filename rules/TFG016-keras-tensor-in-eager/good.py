# The saliency map in TensorFlow 2: call the model on a watched input and differentiate.
import tensorflow as tf

inp = tf.keras.Input((4,))
model = tf.keras.Model(inp, tf.keras.layers.Dense(3, activation="softmax")(inp))
x = tf.random.normal((2, 4))
with tf.GradientTape() as tape:
    tape.watch(x)
    score = tf.reduce_max(model(x), axis=1)
saliency = tape.gradient(score, x)
print(saliency.shape)
