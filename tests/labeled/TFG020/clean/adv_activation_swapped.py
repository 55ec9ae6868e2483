# The ReLU hidden layer's activation is swapped for tanh after construction.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1)])
model.layers[0].activation = tf.keras.activations.tanh
x = tf.constant([[0.2], [0.5], [0.8]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    u = model(x)
    u_x = tape.gradient(u, x)
u_xx = tape.gradient(u_x, x)
print("u_xx:", u_xx.numpy().ravel())
