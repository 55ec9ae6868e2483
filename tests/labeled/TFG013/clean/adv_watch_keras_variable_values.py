# With watch_accessed_variables=False the loop watches the tf.Variables behind the Keras 3
# variables (their `.value`), which the tape accepts; the gradients are real.
# Attacks: tape.watch of something built from model.trainable_variables is taken to raise.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(4, activation="relu"),
                             tf.keras.layers.Dense(1)])
x = tf.random.normal((8, 3))
y = tf.random.normal((8, 1))
backing = [v.value for v in model.trainable_variables]
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(backing)
    loss = tf.reduce_mean(tf.square(model(x) - y))
grads = tape.gradient(loss, model.trainable_variables)
print([g.shape for g in grads])
