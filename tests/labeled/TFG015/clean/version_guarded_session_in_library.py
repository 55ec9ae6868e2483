# A library helper keeps a Keras 2 branch for old TensorFlow; nothing in this file calls it,
# and the branch is guarded by a version check, so nothing fails when the file runs.
import tensorflow as tf
from tensorflow.keras import backend as K


def reset_graph():
    if tf.__version__.startswith("1."):
        K.get_session().close()
    K.clear_session()


print(tf.reduce_sum(tf.ones((2, 2))).numpy())
w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    y = w * w
print(tape.gradient(y, w).numpy())
