# A saliency map in Keras 2 style: the loss is built on the model's symbolic output, as if it
# were a value. With Keras 3 the TensorFlow op refuses the KerasTensor.
import tensorflow as tf

inp = tf.keras.Input((4,))
model = tf.keras.Model(inp, tf.keras.layers.Dense(3, activation="softmax")(inp))
score = tf.reduce_max(model.output, axis=1)  # expect: TFG016
print(score)
