# Features concatenated before the tape, but the derivative is taken w.r.t. the watched
# concatenation and sliced for the partials.
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(4, activation="tanh"),
                           tf.keras.layers.Dense(1)])
x = tf.random.uniform([6, 1])
t = tf.random.uniform([6, 1])
X = tf.concat([x, t], axis=1)
with tf.GradientTape() as tape:
    tape.watch(X)
    u = net(X)
gX = tape.gradient(u, X)
u_x, u_t = gX[:, :1], gX[:, 1:]
print(u_x + u_t)
