# Image patches flattened with a size computed by true division: under Python 3 the dimension
# is a float, and tf.reshape raises InvalidArgumentError (attr 'Tshape' of float).
import tensorflow as tf

images = tf.random.normal([2, 8, 8, 3])
patch = 4
n_patches = 8 * 8 / (patch * patch)
patches = tf.image.extract_patches(images, [1, patch, patch, 1], [1, patch, patch, 1],
                                   [1, 1, 1, 1], "VALID")
flat = tf.reshape(patches, [2, n_patches, patch * patch * 3])  # expect: TFG012
print(flat.shape)
