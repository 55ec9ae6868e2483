# source: https://keras.io/guides/writing_a_training_loop_from_scratch/
# reported: The Keras guide trains with a hand-written loop: iterate a batched tf.data.Dataset, run the model on each batch inside a GradientTape, then tape.gradient(loss_value, model.trainable_weights) and optimizer.apply_gradients; the validation set is another dataset.
# observed (TF 2.21): the dataset only supplies the batches; the forward pass runs under the tape, so every gradient is a value and the training loss goes down.
import numpy as np
import tensorflow as tf
import keras

inputs = keras.Input(shape=(12,), name="digits")
x1 = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(4, name="predictions")(x1)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.SGD(learning_rate=5e-2)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
val_acc_metric = keras.metrics.SparseCategoricalAccuracy()

rng = np.random.default_rng(2)
x_all = rng.normal(size=(40, 12)).astype("float32")
y_all = (x_all[:, 0] > 0).astype("int64") + 2 * (x_all[:, 1] > 0).astype("int64")
train_dataset = tf.data.Dataset.from_tensor_slices((x_all[:32], y_all[:32]))
train_dataset = train_dataset.shuffle(buffer_size=32, seed=0).batch(8)
val_dataset = tf.data.Dataset.from_tensor_slices((x_all[32:], y_all[32:])).batch(8)

for epoch in range(3):
    for step, (x_batch_train, y_batch_train) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(x_batch_train, training=True)
            loss_value = loss_fn(y_batch_train, logits)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
    for x_batch_val, y_batch_val in val_dataset:
        val_acc_metric.update_state(y_batch_val, model(x_batch_val, training=False))
    print("epoch", epoch, "last loss", float(loss_value), "val acc", float(val_acc_metric.result()))
    val_acc_metric.reset_state()
