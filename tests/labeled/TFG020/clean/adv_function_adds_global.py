# A setup function adds a tanh layer to the module-level Sequential.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(16, activation="relu")])


def finish_model():
    model.add(tf.keras.layers.Dense(16, activation="tanh"))
    model.add(tf.keras.layers.Dense(1))


finish_model()
x = tf.constant([[0.2], [0.5], [0.8]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    u = model(x)
    u_x = tape.gradient(u, x)
u_xx = tape.gradient(u_x, x)
print("u_xx:", u_xx.numpy().ravel())
