# Correctly left alone: models kept in a dict and a list, looked up for the gradient.
# TensorFlow 2.21 returns real gradients. (every gradient is real and non-zero)
import keras
import tensorflow as tf

models = {"actor": keras.Sequential([keras.layers.Dense(2)]),
          "critic": keras.Sequential([keras.layers.Dense(1)])}
order = [models["actor"], models["critic"]]
s = tf.random.normal((4, 3))
with tf.GradientTape(persistent=True) as tape:
    a = models["actor"](s)
    q = models["critic"](tf.concat([s, a], 1))
    loss = -tf.reduce_mean(q)
for m in order:
    g = tape.gradient(loss, m.trainable_variables)
del tape
