# A loss helper that forgets to return; its None is used as the gradient target.
import tensorflow as tf


def compute_loss(model, x, y):
    pred = model(x)
    loss = tf.reduce_mean(tf.square(pred - y))


model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])
x = tf.random.normal([4, 2])
y = tf.zeros([4, 1])
with tf.GradientTape() as tape:
    loss = compute_loss(model, x, y)
grads = tape.gradient(loss, model.trainable_variables)  # expect: TFG004
print(grads)
