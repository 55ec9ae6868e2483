# Classifier "loss" built from hard predictions: argmax, then one_hot.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3)])
x = tf.random.normal([5, 4])
labels = tf.one_hot([0, 1, 2, 1, 0], 3)

with tf.GradientTape() as tape:
    pred = tf.one_hot(tf.argmax(model(x), axis=1), 3)
    loss = tf.reduce_mean(tf.square(pred - labels))
grads = tape.gradient(loss, model.trainable_variables)  # expect: TFG009
print(grads)
