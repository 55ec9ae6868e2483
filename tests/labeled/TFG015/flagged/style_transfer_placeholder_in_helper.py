# Style transfer ported from Keras 2: the combination image is a backend placeholder made in a
# helper that the script calls. tf.keras.backend (Keras 3) no longer has placeholder.
import tensorflow as tf
from tensorflow.keras import backend as K

HEIGHT, WIDTH = 16, 16


def make_inputs(base):
    combination = K.placeholder((1, HEIGHT, WIDTH, 3))  # expect: TFG015
    return tf.concat([base, combination], axis=0)


base_image = tf.random.uniform((1, HEIGHT, WIDTH, 3))
batch = make_inputs(base_image)
print(batch.shape)
