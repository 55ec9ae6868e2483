# Fitting the exponent of a power law, but the exponent is the Python int set in __init__:
# asking the tape for d loss / d power raises (a number is no tensor the tape can watch).
import tensorflow as tf


class PowerLaw:
    def __init__(self):
        self.power = 2
        self.x = tf.random.uniform((32,), 0.5, 1.5)

    def power_grad(self, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self.x ** self.power - y))
        return tape.gradient(loss, self.power)  # expect: TFG003


law = PowerLaw()
print(law.power_grad(tf.ones((32,))))
