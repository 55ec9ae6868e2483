# refused: Keras callbacks are allowed, but the ones that write files or post to a server are not.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="sgd")
logger = tf.keras.callbacks.CSVLogger("/tmp/tflint-grad-hostile-canary")
history = model.fit(tf.ones((2, 1)), tf.ones((2, 1)), epochs=1, verbose=0, callbacks=[logger])
x = tf.constant([float(len(history.history))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
