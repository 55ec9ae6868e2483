# source: https://coderapp.vercel.app/answer/67946759 (mirror of the Stack Overflow question "hessian matrix of a keras model with tf.hessians")
# reported: The user wants the Hessian of a Keras model w.r.t. its input inside tf.function; get_grads works but get_hessian fails ("None values not supported") for a model made of a single Dense layer. The answer explains that a linear model's input gradient does not depend on the input at all, so TensorFlow has no second-order path and returns None instead of a zero Hessian.
# observed (TF 2.21): the outer tape.gradient in get_hessian returns None at line 29 (the first derivative of the linear model does not depend on the inputs); get_grads returns a value.
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([
    keras.Input((10,)),
    keras.layers.Dense(1)
])
model.summary()


@tf.function
def get_grads(inputs):
    loss = tf.reduce_sum(model(inputs))
    return tf.gradients(loss, inputs)


@tf.function
def get_hessian(inputs):
    # GradientTape version of tf.hessians(loss, inputs)
    with tf.GradientTape() as outer:
        outer.watch(inputs)
        with tf.GradientTape() as inner:
            inner.watch(inputs)
            loss = tf.reduce_sum(model(inputs))
        grads = inner.gradient(loss, inputs)
    return outer.gradient(grads, inputs)  # expect: TFG011


batch_size = 3
test_input = tf.random.uniform((batch_size, 10))
out = model(test_input)  # works fine
grads = get_grads(test_input)  # works fine
hessian = get_hessian(test_input)
print(grads)
print(hessian)
