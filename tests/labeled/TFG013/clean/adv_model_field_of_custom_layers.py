# A residual MLP keeps its blocks in a list field; the blocks are a layer class of this file
# that makes its kernel with tf.Variable, so watching one block's kernel is accepted.
# Attacks: a field list of layers, where the layers are not built-in Keras layers.
import tensorflow as tf
import keras


class Block(keras.layers.Layer):
    def build(self, shape):
        self.kernel = tf.Variable(tf.ones([shape[-1], shape[-1]]) * 0.1)

    def call(self, x):
        return x + tf.tanh(x @ self.kernel)


class ResMLP(keras.Model):
    def __init__(self, depth):
        super().__init__()
        self.blocks = []
        for _ in range(depth):
            self.blocks.append(Block())
        self.out = keras.layers.Dense(1)

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        return self.out(x)


net = ResMLP(3)
x = tf.random.normal((4, 2))
net(x)
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(net.blocks[1].kernel)
    y = tf.reduce_sum(net(x))
print("RESULT", tape.gradient(y, net.blocks[1].kernel).shape)
