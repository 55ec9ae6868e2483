# Number of collocation points written in scientific notation, which is a float.
import tensorflow as tf

N_COLLOC = 1e2


def collocation():
    return tf.random.uniform((N_COLLOC, 2), minval=0.0, maxval=1.0)  # expect: TFG012


pts = collocation()
print(pts.shape)
