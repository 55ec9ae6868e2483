# A subclassed Keras model; the weights list is taken once and the loop watches it on every
# step "to be safe", which Keras 3 refuses at the first watch.
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = tf.keras.layers.Dense(4, activation="relu")
        self.out = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.out(self.hidden(x))


net = Regressor()
net(tf.zeros((1, 3)))
weights = net.weights
x = tf.random.normal((8, 3))
y = tf.random.normal((8, 1))
for step in range(2):
    with tf.GradientTape() as tape:
        tape.watch(weights)  # expect: TFG013
        loss = tf.reduce_mean(tf.square(net(x) - y))
    grads = tape.gradient(loss, net.trainable_variables)
    print(step, float(loss))
