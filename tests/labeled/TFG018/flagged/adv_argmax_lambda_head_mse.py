# A classifier's head is Lambda(argmax) so that predictions are class ids; trained with mse on the ids, no weight gets a gradient.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3),
                             tf.keras.layers.Lambda(lambda x: tf.argmax(x, -1))])  # expect: TFG018
model.compile(optimizer="adam", loss="mse")
ids = np.random.randint(0, 3, 8).astype("float32")
model.fit(np.random.rand(8, 4).astype("float32"), ids, verbose=0)  # raises: TFG018
