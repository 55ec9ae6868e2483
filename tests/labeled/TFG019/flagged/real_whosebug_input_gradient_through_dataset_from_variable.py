# source: https://whosebug.com/question/4342485/How-to-get-gradients-with-respect-to-input-and-change-input-rather-than-trainable-vars-to-minimize-loss-in-TF-2
# reported: A TF 2 user wanted Deep-Dream-style gradients of a trained model's loss with respect to the input image (to change the input, not the trainable variables); the answer: the tape differentiates only watched tensors and variables, so make the input one.
# observed (TF 2.21): the input is a tf.Variable, but the images reach the model through a dataset built from it with from_tensor_slices, so the loss is not connected to the variable and tape.gradient returns None at line 38.
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Conv2D, Dense, Flatten


class MyModel(Model):
    def __init__(self):
        super().__init__()
        self.conv1 = Conv2D(4, 3, activation="relu")
        self.flatten = Flatten()
        self.d1 = Dense(8, activation="relu")
        self.d2 = Dense(10, activation="softmax")

    def call(self, x):
        x = self.conv1(x)
        x = self.flatten(x)
        x = self.d1(x)
        return self.d2(x)


model = MyModel()
loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)

image = tf.Variable(tf.random.uniform([2, 8, 8, 1], seed=3), name="image")
label = tf.constant([3, 7])


def input_step(image, label):
    with tf.GradientTape() as tape:
        pairs = tf.data.Dataset.from_tensor_slices((image, label)).batch(1)
        loss = tf.constant(0.0)
        for img, lab in pairs:
            loss += loss_object(lab, model(img))
    gradients = tape.gradient(loss, image)  # expect: TFG019
    if gradients is not None:
        optimizer.apply_gradients([(gradients, image)])
    return loss, gradients


loss, gradients = input_step(image, label)
print("loss", float(loss), "gradient w.r.t. the image:", gradients)
