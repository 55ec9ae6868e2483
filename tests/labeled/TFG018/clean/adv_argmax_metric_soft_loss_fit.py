# A classifier compiled with a differentiable loss and an argmax-based metric; a hard-label loss factory exists but is never compiled.
import numpy as np
import tensorflow as tf


def make_hard_loss(n_classes):
    def hard_loss(y_true, y_pred):
        picked = tf.one_hot(tf.argmax(y_pred, axis=-1), n_classes)
        return tf.reduce_mean(tf.abs(y_true - picked))
    return hard_loss


def soft_loss(y_true, y_pred):
    hard = tf.cast(tf.argmax(y_pred, axis=-1), tf.float32)
    return tf.keras.losses.categorical_crossentropy(y_true, y_pred) + 0.0 * hard


def top1(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.argmax(y_true, -1) == tf.argmax(y_pred, -1), tf.float32))


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss=soft_loss, metrics=[top1])
x = np.random.rand(24, 4).astype("float32")
y = tf.keras.utils.to_categorical(np.random.randint(0, 3, 24), 3)
model.fit(x, y, epochs=1, verbose=0)
hard_loss = make_hard_loss(3)
print(float(tf.reduce_mean(hard_loss(y, model(x)))))
