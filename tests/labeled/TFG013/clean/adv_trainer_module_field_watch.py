# A trainer holds a tf.Module (not a Keras model) in a field; tf.Module variables are plain
# tf.Variables, so watching self.model.trainable_variables is accepted.
# Attacks: fields known in every method + TFG013 on `tape.watch(self.model.trainable_variables)`.
import tensorflow as tf


class Poly(tf.Module):
    def __init__(self):
        super().__init__()
        self.coef = tf.Variable([0.5, -1.0, 2.0])

    def __call__(self, x):
        return self.coef[0] + self.coef[1] * x + self.coef[2] * x ** 2


class Trainer:
    def __init__(self):
        self.model = Poly()
        self.opt = tf.keras.optimizers.SGD(0.01)

    def step(self, x, y):
        with tf.GradientTape(watch_accessed_variables=False) as tape:
            tape.watch(self.model.trainable_variables)
            loss = tf.reduce_mean(tf.square(self.model(x) - y))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.opt.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


t = Trainer()
print(float(t.step(tf.linspace(-1.0, 1.0, 10), tf.zeros(10))))
