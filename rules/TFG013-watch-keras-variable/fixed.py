# A PINN step written for TensorFlow 2.0-2.15 watched the network's weights as well as its
# input. With Keras 3 (tf.keras since TensorFlow 2.16) the weights are Keras Variables, and
# watching them raises before u is even computed.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1, activation="tanh")])
x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)

    u = net(x)
u_x = tape.gradient(u, x)
print("du/dx:", u_x.numpy().ravel())
