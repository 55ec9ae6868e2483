# `model` first names an export model ending in argmax (compiled for evaluate only); the training
# loop then rebinds `model` to each float model.
import numpy as np
import tensorflow as tf

x = np.random.rand(32, 4).astype("float32")
y = np.random.randint(0, 3, size=(32,))
y1 = tf.keras.utils.to_categorical(y, 3)

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3),
                             tf.keras.layers.Lambda(lambda t: tf.one_hot(tf.argmax(t, -1), 3))])
model.compile(loss="categorical_crossentropy", metrics=["accuracy"])
print("untrained export", model.evaluate(x, y1, verbose=0))

candidates = []
for width in (4, 8):
    m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(width, activation="relu"),
                             tf.keras.layers.Dense(3, activation="softmax")])
    m.compile(optimizer="adam", loss="categorical_crossentropy")
    candidates.append(m)
for model in candidates:
    model.fit(x, y1, epochs=1, verbose=0)
print("ok")
