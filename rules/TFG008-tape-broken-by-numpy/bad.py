# np.tanh turns the tensor into a numpy array; the tape cannot follow values
# outside TensorFlow, so converting back gives a tensor with no recorded history.
import numpy as np
import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = tf.convert_to_tensor(np.tanh(2.0 * x))
    energy = tf.reduce_sum(u ** 2)
dE_dx = tape.gradient(energy, x)  # expect: TFG008

print("dE/dx:", dE_dx)
