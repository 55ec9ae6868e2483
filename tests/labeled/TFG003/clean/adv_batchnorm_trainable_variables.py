# BN model trained on model.trainable_variables (the right list); every grad clipped.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(8),
                             tf.keras.layers.BatchNormalization(), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal([16, 6])
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(model(x, training=True) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
grads = [tf.clip_by_norm(g, 1.0) for g in grads]
opt.apply_gradients(zip(grads, model.trainable_variables))
print([g.numpy().shape for g in grads])
