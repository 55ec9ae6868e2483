# Filter-visualisation code that names the backend module by assignment (K = tf.keras.backend)
# instead of importing it: Keras 3's backend still has no function().
import numpy as np
import tensorflow as tf

K = tf.keras.backend
inp = tf.keras.Input((4,))
model = tf.keras.Model(inp, tf.keras.layers.Dense(2)(inp))
f = K.function([model.input], [model.output])  # expect: TFG015
print(f([np.ones((1, 4), "float32")]))
