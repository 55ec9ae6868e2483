# The loss adds explicit weight decay over the model's weights to a hard miss count: a cut term
# mixed with a differentiable one (the weights reach the loss directly), so fit has gradients.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])


def decayed_miss_rate(y_true, y_pred):
    miss = tf.reduce_mean(tf.cast(tf.not_equal(y_true, tf.round(y_pred)), tf.float32))
    decay = tf.add_n([tf.reduce_sum(tf.square(w)) for w in model.trainable_weights])
    return miss + 1e-3 * decay


model.compile(optimizer="adam", loss=decayed_miss_rate)
x = np.random.rand(32, 4).astype("float32")
y = (np.random.rand(32, 1) > 0.5).astype("float32")
model.fit(x, y, epochs=1, verbose=0)
print("ok")
