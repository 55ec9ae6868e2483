# source: https://keras.io/guides/writing_a_training_loop_from_scratch/
# reported: The Keras guide trains with a hand-written loop: iterate a batched tf.data.Dataset, run the model on each batch inside a GradientTape, then tape.gradient(loss_value, model.trainable_weights) and apply_gradients; this version moves the forward pass into train_dataset.map to "pipeline" it.
# observed (TF 2.21): the model runs inside the tf.data map function, the logits that come out of the dataset are not connected to the model's weights, and tape.gradient returns a list of None at line 31.
import numpy as np
import tensorflow as tf
import keras

inputs = keras.Input(shape=(12,), name="digits")
x1 = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(4, name="predictions")(x1)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.SGD(learning_rate=1e-2)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

rng = np.random.default_rng(2)
x_train = rng.normal(size=(32, 12)).astype("float32")
y_train = rng.integers(0, 4, size=32)
batch_size = 8
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_dataset = train_dataset.shuffle(buffer_size=32, seed=0).batch(batch_size)

# forward pass done in the input pipeline
logits_dataset = train_dataset.map(lambda x, y: (model(x, training=True), y))

epochs = 1
for epoch in range(epochs):
    for step, (logits, y_batch_train) in enumerate(logits_dataset):
        with tf.GradientTape() as tape:
            loss_value = loss_fn(y_batch_train, logits)
        grads = tape.gradient(loss_value, model.trainable_weights)  # expect: TFG019
        print("step", step, "loss", float(loss_value), "grads", grads)
        if any(g is None for g in grads):
            break
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
