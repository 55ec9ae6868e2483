# Stay in TensorFlow between source and target: tf.tanh instead of np.tanh.
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.tanh(2.0 * x)
    energy = tf.reduce_sum(u ** 2)
dE_dx = tape.gradient(energy, x)

print("dE/dx:", dE_dx.numpy().ravel())
