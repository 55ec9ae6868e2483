# source: https://whosebug.com/question/4342485/How-to-get-gradients-with-respect-to-input-and-change-input-rather-than-trainable-vars-to-minimize-loss-in-TF-2
# reported: A TF 2 user wanted Deep-Dream-style gradients of a trained model's loss with respect to the input image (to change the input, not the trainable variables); the answer: the tape differentiates only watched tensors and variables, so watch the input explicitly.
# observed (TF 2.21): the model is trained from a tf.data pipeline with the usual per-batch tape, then the image tensor is watched and fed to the model directly, so tape.gradient(loss, image) is a value and the image is updated.
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
optimizer = tf.keras.optimizers.Adam()

train_images = tf.random.uniform([8, 8, 8, 1], seed=1)
train_labels = tf.random.uniform([8], maxval=10, dtype=tf.int32, seed=2)
train_ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).batch(4)


def train_step(images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images)
        loss = loss_object(labels, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


for images, labels in train_ds:
    train_step(images, labels)


def input_gradient(image, label):
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = loss_object(label, model(image))
    return loss, tape.gradient(loss, image)


image = tf.random.uniform([1, 8, 8, 1], seed=3)
label = tf.constant([3])
for step in range(3):
    loss, grad = input_gradient(image, label)
    image = image - 0.5 * grad
    print("step", step, "loss", float(loss), "grad norm", float(tf.norm(grad)))
