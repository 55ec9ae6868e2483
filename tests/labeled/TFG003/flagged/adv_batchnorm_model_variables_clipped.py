# Gradients taken w.r.t. model.variables of a model with BatchNormalization; the moving  # known-miss: the TFG004 is a comprehension over the gradient list, some of whose entries are None; uses of list items are not followed
# statistics get None, then every gradient is clipped before apply_gradients.
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input(shape=(6,)),
    tf.keras.layers.Dense(16),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.ReLU(),
    tf.keras.layers.Dense(1),
])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal([32, 6])
y = tf.random.normal([32, 1])

for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
    grads = tape.gradient(loss, model.variables)  # expect: TFG003
    grads = [tf.clip_by_norm(g, 1.0) for g in grads]  # expect: TFG004
    opt.apply_gradients(zip(grads, model.variables))
    print(epoch, float(loss))
