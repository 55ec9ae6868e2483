# refused: a download through keras.utils.
import tensorflow as tf

path = tf.keras.utils.get_file("data.csv", "http://example.com/data.csv")
x = tf.constant([float(len(path))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
