# Once a false positive (it reported TFG011 on line 17 (loss taken not to depend on model)); now correctly left alone.
# What TensorFlow 2.21 really returns: real gradients for all 4 variables -- the only call passes net,
# which loss_fn reads as a global. (runs without error; every gradient is real and non-zero)
import keras
import tensorflow as tf

net = keras.Sequential([keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])


def loss_fn(x):
    return tf.reduce_mean(net(x) ** 2)


def train(model, x):
    with tf.GradientTape() as tape:
        loss = loss_fn(x)
    return tape.gradient(loss, model.trainable_variables)


grads = train(net, tf.ones((4, 3)))
