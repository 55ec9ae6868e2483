# Slicing and arithmetic on a model's output are Keras operations: building a second model
# from them works, and so does a Lambda layer applying tf ops inside the model.
import tensorflow as tf

inp = tf.keras.Input((4,))
base = tf.keras.Model(inp, tf.keras.layers.Dense(3)(inp))
scaled = base.output[:, :2] * 2.0
summed = tf.keras.layers.Lambda(lambda t: tf.reduce_sum(t, axis=1, keepdims=True))(scaled)
head = tf.keras.Model(base.input, summed)
print(head(tf.ones((2, 4))).shape)
x = tf.ones((2, 4))
with tf.GradientTape() as tape:
    tape.watch(x)
    total = tf.reduce_sum(head(x))
print(tape.gradient(total, x).shape)
