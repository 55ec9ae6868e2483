# Input features include x**2 through concat: the concat is linear but x**2 is not.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1)])
x = tf.constant([[0.2], [0.5], [0.8]])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    feats = tf.concat([x, x ** 2], axis=1)
    u = model(feats)
    u_x = tape.gradient(u, x)
u_xx = tape.gradient(u_x, x)
print("u_xx:", u_xx.numpy().ravel())
