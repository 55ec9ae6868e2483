# A Sequential model's .output is not followed (it may not exist until the model is called);
# here the model is called first and the tape differentiates real tensors.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
x = tf.random.normal((4, 3))
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.reduce_sum(model(x))
print(tape.gradient(y, x).shape)
