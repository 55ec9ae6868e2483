# The same minimisation with a tape and apply_gradients.
import tensorflow as tf

w = tf.Variable(0.0)
opt = tf.keras.optimizers.Adam(learning_rate=0.1)
for step in range(50):
    with tf.GradientTape() as tape:
        loss = (w - 3.0) ** 2
    grads = tape.gradient(loss, [w])
    opt.apply_gradients(zip(grads, [w]))
print(w.numpy())
