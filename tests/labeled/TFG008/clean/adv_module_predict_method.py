# A tf.Module regressor whose own `predict` is plain TensorFlow (as in many TF2 tutorials);
# calling it inside the tape is differentiable, unlike Keras' Model.predict.
# Attacks: `model.predict(...)` inside a tape leaves TensorFlow (TFG008) — only for Keras models.
import tensorflow as tf


class Regressor(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.random.normal((3, 1)))
        self.b = tf.Variable(0.0)

    def predict(self, x):
        return x @ self.w + self.b


model = Regressor()
x = tf.random.normal((16, 3))
y = tf.random.normal((16, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model.predict(x) - y))
grads = tape.gradient(loss, model.trainable_variables)
print([g.shape for g in grads])
