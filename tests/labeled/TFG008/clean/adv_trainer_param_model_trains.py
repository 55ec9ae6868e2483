# Trainer with a model passed in, BN and a frozen backbone; trains trainable_variables.
import tensorflow as tf


class Trainer:
    def __init__(self, model):
        self.model = model
        self.opt = tf.keras.optimizers.SGD(0.1)

    def step(self, x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self.model(x, training=True) - y) ** 2)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        return [g.numpy().shape for g in grads]


m = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(4),
                         tf.keras.layers.BatchNormalization(), tf.keras.layers.Dense(1)])
m.layers[0].trainable = False
print(Trainer(m).step(tf.ones([4, 3]), tf.zeros([4, 1])))
