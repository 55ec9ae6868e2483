# Each optimisation step opens its own non-persistent tape and uses it once.
import tensorflow as tf

w = tf.Variable(3.0)
opt = tf.keras.optimizers.SGD(0.1)
for step in range(3):
    with tf.GradientTape() as tape:
        loss = (w - 1.0) ** 2
    grad = tape.gradient(loss, w)
    opt.apply_gradients([(grad, w)])
print(float(w))
