# refused: a Keras model written to disk.
import tensorflow as tf
import keras

model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
model.save("/tmp/tflint-grad-hostile-canary.keras")
x = tf.constant([[1.0]])
with tf.GradientTape() as tape:
    tape.watch(x)
    y = model(x)
g = tape.gradient(y, x)  # flagged
