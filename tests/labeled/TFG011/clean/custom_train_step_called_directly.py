# A Keras subclassed model with its own train_step, called eagerly in a while loop.
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)
        self.opt = tf.keras.optimizers.SGD(0.01)

    def call(self, x):
        return self.dense(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self(x) - y) ** 2)
        grads = tape.gradient(loss, self.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


model = Regressor()
xs, ys = tf.random.normal([8, 3]), tf.random.normal([8, 1])
model(xs)
epoch = 0
while epoch < 2:
    print(model.train_step((xs, ys))["loss"].numpy())
    epoch += 1
