# Watch the input you differentiate with respect to; the tape watches the network's
# trainable weights by itself.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(1, activation="tanh")])
x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    u = net(x)
u_x = tape.gradient(u, x)
print("du/dx:", u_x.numpy().ravel())
