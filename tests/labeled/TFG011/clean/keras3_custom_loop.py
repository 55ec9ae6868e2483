# Plain keras 3 import, custom loop on model.trainable_variables.
import keras
import tensorflow as tf

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation="relu"),
                          keras.layers.Dense(1)])
opt = keras.optimizers.Adam(0.01)
x = tf.random.normal([8, 3])
y = tf.random.normal([8, 1])
for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = keras.losses.MeanSquaredError()(y, model(x))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
print(float(loss))
