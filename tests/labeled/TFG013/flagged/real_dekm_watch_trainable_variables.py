# source: https://github.com/spdj2271/DEKM/issues/9
# reported: DEKM training crashed at tape.watch(model.trainable_variables) under Keras 3: "This error suggests that tape.watch() is being given a Variable object that it cannot process correctly".
# observed (TF 2.21): ValueError: Passed in object <Variable path=dense/kernel, shape=(20, 32), dtype=float32, value=[[ ... (values elided) -- message ends: of type 'Variable', not tf.Tensor or tf.Variable or ExtensionType. -- raised at line 21 (tape.watch(model.trainable_variables))
import numpy as np
import tensorflow as tf
from tensorflow import keras

n_clusters, hidden_units = 4, 8
inputs = keras.Input(shape=(20,))
h = keras.layers.Dense(32, activation="relu")(inputs)
embedding = keras.layers.Dense(hidden_units, name="embed")(h)
h = keras.layers.Dense(32, activation="relu")(embedding)
recon = keras.layers.Dense(20)(h)
model = keras.Model(inputs, [embedding, recon])
optimizer = keras.optimizers.Adam()

x = np.random.rand(64, 20).astype("float32")
centers = tf.constant(np.random.rand(n_clusters, hidden_units).astype("float32"))
for it in range(3):
    with tf.GradientTape() as tape:
        tape.watch(model.trainable_variables)  # expect: TFG013
        h_batch, x_rec = model(x)
        d = tf.reduce_sum(tf.square(h_batch[:, None, :] - centers[None]), axis=-1)
        loss_cluster = tf.reduce_mean(tf.reduce_min(d, axis=1))
        loss = tf.reduce_mean(tf.square(x - x_rec)) + 0.1 * loss_cluster
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
print("RESULT loss", float(loss), all(g is not None for g in gradients))
