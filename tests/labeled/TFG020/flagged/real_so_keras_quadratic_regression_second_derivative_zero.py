# source: https://kiwix.lema.org/stackoverflow.com_en_all_2023-11/questions/61062606/keras-second-derivative-of-a-keras-model-is-giving-0-all-the-time (mirror of the Stack Overflow question "Keras: second derivative of a keras model is giving 0 all the time")
# reported: A Keras regression of y = x**2 (model_regression(): one wide Dense layer with activation="relu" and a linear output) gives a sensible first derivative, but the second derivative with respect to the input is 0 at every point instead of about 2.
# observed (TF 2.21): outer.gradient returns all zeros at line 37 (at every point of the loop), while the first derivative at line 36 has values
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, optimizers

x = np.linspace(0, 1, 64).astype("float32")
y = x ** 2


def model_regression():
    model = tf.keras.Sequential([
        layers.Input(shape=(1,)),
        layers.Dense(128, activation="relu"),
        layers.Dense(1, activation="linear")])
    model.compile(optimizer=optimizers.Adam(learning_rate=0.001),
                  loss='mean_squared_error')
    return model


my_model = model_regression()
my_model.fit(x, y, epochs=1, batch_size=32, verbose=0)

y_pred = my_model.predict(x, verbose=0)

first_derivative, second_derivative = [], []

for i in range(0, x.shape[0], 16):
    point = tf.constant([[x[i]]])
    with tf.GradientTape() as outer:
        outer.watch(point)
        with tf.GradientTape() as inner:
            inner.watch(point)
            out = my_model(point)
        d1 = inner.gradient(out, point)
    d2 = outer.gradient(d1, point)  # expect: TFG020
    first_derivative.append(float(d1[0][0]))
    second_derivative.append(float(d2[0][0]))

print("first derivative:", first_derivative)
print("second derivative (expected about 2):", second_derivative)
