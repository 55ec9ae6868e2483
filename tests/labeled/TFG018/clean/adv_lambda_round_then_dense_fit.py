# A rounding Lambda is applied to the trained model's output, not as a layer of the fitted model; the compiled lambda loss is differentiable.
import numpy as np
import tensorflow as tf

quantize = tf.keras.layers.Lambda(lambda t: tf.round(t * 4.0) / 4.0)
model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(6),
                             tf.keras.layers.Dense(6), tf.keras.layers.Activation("tanh")])
model.compile(optimizer="sgd", loss=lambda y_true, y_pred: tf.reduce_mean(tf.square(y_true - y_pred)))
x = np.random.rand(8, 5).astype("float32")
y = np.random.rand(8, 6).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print(float(tf.reduce_mean(quantize(model(x)))))
