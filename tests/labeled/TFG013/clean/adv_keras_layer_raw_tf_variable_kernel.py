# A custom Keras layer written TF-style keeps its kernel as a raw tf.Variable attribute; that
# object is a real tf.Variable (Keras does not wrap it), so the tape can watch it.
# Attacks: tape.watch(layer.kernel) on a Keras layer is taken to raise (Keras 3 variables).
import tensorflow as tf


class ScaleLayer(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.kernel = tf.Variable(tf.ones((1, units)))

    def call(self, x):
        return x * self.kernel


layer = ScaleLayer(3)
x = tf.random.normal((4, 3))
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(layer.kernel)
    y = tf.reduce_sum(tf.square(layer(x)))
print(tape.gradient(y, layer.kernel).numpy())
