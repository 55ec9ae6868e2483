# A ReLU network used only for its first derivative (a saliency-style slope): that is a value.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8, activation="relu"),
                           tf.keras.layers.Dense(1)])
x = tf.constant([[0.2], [0.5]])
with tf.GradientTape() as tape:
    tape.watch(x)
    u = net(x)
u_x = tape.gradient(u, x)
print(u_x)
