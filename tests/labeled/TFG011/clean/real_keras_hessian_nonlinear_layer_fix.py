# source: https://coderapp.vercel.app/answer/67946759 (mirror of the Stack Overflow question "hessian matrix of a keras model with tf.hessians")
# reported: get_hessian failed for a single linear Dense layer; the accepted answer explains that the Hessian of a linear model is identically zero, which tf.hessians cannot express, and that adding a layer with a non-linear activation (sigmoid) removes the error, with either tf.hessians or nested GradientTapes.
# observed (TF 2.21): with the sigmoid layer, tf.gradients, tf.hessians and the nested-tape Hessian (inner gradient taken inside the outer block) all return tensors.
import tensorflow as tf
from tensorflow.keras.layers import Dense

model = tf.keras.Sequential([
    tf.keras.Input((10,)),
    Dense(10, activation='sigmoid'),  # remove this line and you will get error
    Dense(1)
])


@tf.function
def get_grads(inputs):
    loss = tf.reduce_sum(model(inputs))
    return tf.gradients(loss, inputs)


@tf.function
def get_hessian(inputs):
    loss = tf.reduce_sum(model(inputs))
    return tf.hessians(loss, inputs)


# Using tf.GradientTape to get the hessian
@tf.function
def get_hessian_tape(inputs):
    with tf.GradientTape() as t2:
        t2.watch(inputs)
        with tf.GradientTape() as t1:
            t1.watch(inputs)
            loss = tf.reduce_sum(model(inputs))
        grads = t1.gradient(loss, inputs)
    return t2.jacobian(grads, inputs)


batch_size = 3
test_input = tf.random.uniform((batch_size, 10))
print(get_grads(test_input)[0].shape)
print(get_hessian(test_input)[0].shape)
print(get_hessian_tape(test_input).shape)
