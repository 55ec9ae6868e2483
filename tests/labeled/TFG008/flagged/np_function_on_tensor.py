# Loss written with numpy functions on the model output inside the tape.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
x = tf.random.normal([8, 3])
y = tf.random.normal([8, 1])

with tf.GradientTape() as tape:
    pred = model(x)
    loss = tf.convert_to_tensor(np.mean(np.square(pred - y)))
grads = tape.gradient(loss, model.trainable_variables)  # expect: TFG008
print(grads)
