# source: https://github.com/spdj2271/DEKM/issues/9
# reported: DEKM training crashed at tape.watch(model.trainable_variables) under Keras 3 (Variable not tf.Tensor or tf.Variable); the maintainer confirmed the line can simply be removed since trainable variables are watched automatically.
# observed (TF 2.21): runs clean (tape.gradient at line 26 returns all gradients; apply_gradients at line 27)
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
        # tape.watch(model.trainable_variables)  <- removed, raises with Keras 3 variables
        h_batch, x_rec = model(x)
        d = tf.reduce_sum(tf.square(h_batch[:, None, :] - centers[None]), axis=-1)
        loss_cluster = tf.reduce_mean(tf.reduce_min(d, axis=1))
        loss = tf.reduce_mean(tf.square(x - x_rec)) + 0.1 * loss_cluster
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
print("RESULT loss", float(loss), all(g is not None for g in gradients))
