# source: https://openillumi.com/en/en-gradient-tape-input-gradient-keras-tf2
# reported: A user wants d(output)/d(input) for a small Keras Dense model after model.predict(), and the TF1-style K.gradients no longer works eagerly; the recommended solution converts the numpy input with tf.convert_to_tensor(dtype=tf.float32), watches that tensor, calls model(x_tensor) (not model.predict) inside the tape and asks for t.gradient(output, x_tensor).
# observed (TF 2.21): the converted tensor is watched and the model is called on it under the tape, so the input gradient is a tensor of the input's shape.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input(shape=(4,)),
    tf.keras.layers.Dense(8, activation='relu'),
    tf.keras.layers.Dense(1)
])
input_data = np.random.rand(3, 4)
print(model.predict(input_data, verbose=0).shape)

# convert the input to a TensorFlow tensor (dtype=tf.float32 recommended)
x_tensor = tf.convert_to_tensor(input_data, dtype=tf.float32)

with tf.GradientTape() as t:
    # key point: watch the input tensor for the gradient computation
    t.watch(x_tensor)
    # run the Keras model (not model.predict())
    output = model(x_tensor)

# results
result = output
# the gradient of output (the result) w.r.t. x_tensor (the input)
gradients = t.gradient(output, x_tensor)
print(result.numpy().ravel(), gradients.shape)
