# A replay buffer list is cleared each epoch and refilled inside the tape; the summed loss has gradients.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.SGD(0.1)
batch = tf.ones((4, 2))
step_losses = []
for epoch in range(2):
    step_losses.clear()
    with tf.GradientTape() as tape:
        for k in range(3):
            step_losses.append(tf.reduce_mean(model(batch * float(k))))
        loss = sum(step_losses)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
