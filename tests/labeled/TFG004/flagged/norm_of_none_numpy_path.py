# Gradient penalty where the model output was pushed through numpy inside the tape;
# the gradient is None and its norm fails.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
x = tf.random.normal([4, 2])

with tf.GradientTape() as tape:
    tape.watch(x)
    y = model(x)
    y_clipped = tf.constant(np.clip(y.numpy(), -1.0, 1.0))
g = tape.gradient(y_clipped, x)  # expect: TFG008
penalty = tf.reduce_mean((tf.norm(g, axis=1) - 1.0) ** 2)  # expect: TFG004
print(penalty)
