# A probing script restricts the tape to the head of a subclassed model: the head and the
# hidden layers are built-in Dense layers kept in fields, so their kernels are Keras 3
# Variables and tape.watch raises.
# Attacks: a field holding a built-in layer, and a field list grown with append.
import tensorflow as tf
import keras


class Probe(keras.Model):
    def __init__(self, widths):
        super().__init__()
        self.hidden = []
        for w in widths:
            self.hidden.append(keras.layers.Dense(w, activation="relu"))
        self.head = keras.layers.Dense(1)

    def call(self, x):
        for layer in self.hidden:
            x = layer(x)
        return self.head(x)


probe = Probe([8, 4])
x = tf.random.normal((4, 3))
probe(x)
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(probe.head.kernel)  # expect: TFG013
    y = tf.reduce_sum(probe(x))
print("RESULT", tape.gradient(y, probe.head.kernel))
