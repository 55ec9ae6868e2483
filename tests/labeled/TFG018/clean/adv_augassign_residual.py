# A functional model rounds a feature with a Lambda, then adds the skip connection with `+=`:
# the output is an Add of the Dense features, which has gradients.
import numpy as np
import tensorflow as tf

inp = tf.keras.Input((4,))
h = tf.keras.layers.Dense(4)(inp)
out = tf.keras.layers.Lambda(lambda t: tf.round(t * 4.0) / 4.0)(h)
out += h  # residual: keep the un-quantized signal
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(32, 4).astype("float32")
y = np.random.rand(32, 4).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
