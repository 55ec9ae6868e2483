# The gradient is asked for the non-trainable variables: the BatchNormalization moving statistics.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.BatchNormalization(),
                             tf.keras.layers.Dense(1)])
x = tf.random.normal([8, 3])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(model(x, training=True))
grads = tape.gradient(loss, model.non_trainable_variables)  # expect: TFG003
print(grads)
