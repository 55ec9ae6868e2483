# The patch count computed with floor division stays an int: tf.reshape accepts it, and the
# gradient flows back to the images.
import tensorflow as tf

images = tf.random.normal([2, 8, 8, 3])
patch = 4
n_patches = 8 * 8 // (patch * patch)
with tf.GradientTape() as tape:
    tape.watch(images)
    patches = tf.image.extract_patches(images, [1, patch, patch, 1], [1, patch, patch, 1],
                                       [1, 1, 1, 1], "VALID")
    flat = tf.reshape(patches, [2, n_patches, patch * patch * 3])
    loss = tf.reduce_sum(flat ** 2)
print(tape.gradient(loss, images).shape)
