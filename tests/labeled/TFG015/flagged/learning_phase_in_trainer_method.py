# A trainer class sets the Keras 2 learning phase before its custom loop; tf.keras in
# TensorFlow 2.21 (Keras 3) has no set_learning_phase.
import tensorflow as tf


class Trainer:
    def __init__(self):
        self.model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
        self.opt = tf.keras.optimizers.SGD(0.1)

    def fit(self, x, y):
        tf.keras.backend.set_learning_phase(1)  # expect: TFG015
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self.model(x) - y) ** 2)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


trainer = Trainer()
print(trainer.fit(tf.ones((4, 3)), tf.zeros((4, 1))))
