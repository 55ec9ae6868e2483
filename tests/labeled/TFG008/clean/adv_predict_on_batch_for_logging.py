# predict_on_batch inside the tape is only used for a progress printout; the loss goes through
# the model call, so the gradients are real.
# Attacks: Keras predict_on_batch() inside a tape (TFG008) off the loss path.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
x = tf.random.normal((32, 2))
y = tf.reduce_sum(x, axis=1, keepdims=True)
opt = tf.keras.optimizers.SGD(0.1)
for epoch in range(2):
    with tf.GradientTape() as tape:
        preview = model.predict_on_batch(x[:2])
        loss = tf.reduce_mean(tf.square(model(x) - y))
    print(epoch, preview.ravel())
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
