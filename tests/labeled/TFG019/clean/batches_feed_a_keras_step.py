# The dataset only supplies batches; the loss is computed from the model on the tape, so the
# weights get gradients.
import tensorflow as tf

xs = tf.random.normal([8, 3], seed=1)
ys = tf.random.normal([8, 1], seed=2)
ds = tf.data.Dataset.from_tensor_slices((xs, ys)).map(lambda a, b: (a * 2.0, b)).batch(4)
model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.SGD(0.01)
for xb, yb in ds:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(xb) - yb) ** 2)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
print([g.shape for g in grads])
