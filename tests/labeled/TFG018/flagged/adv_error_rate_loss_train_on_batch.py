# The loss is the error rate itself (argmax mismatches), trained batch by batch with train_on_batch.
import numpy as np
import tensorflow as tf


def error_rate(y_true, y_pred):
    wrong = tf.not_equal(tf.argmax(y_true, -1), tf.argmax(y_pred, -1))  # expect: TFG018
    return tf.reduce_mean(tf.cast(wrong, tf.float32))


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss=error_rate)
x = np.random.rand(8, 4).astype("float32")
y = tf.one_hot([0, 1, 2, 0, 1, 2, 0, 1], 3)
for step in range(3):
    print(model.train_on_batch(x, y))  # raises: TFG018
