# Points are gathered and stacked inside the tape after the grid was watched; the
# jacobian with respect to [grid, scale] is fully defined.
import tensorflow as tf

grid = tf.reshape(tf.linspace(-1.0, 1.0, 10), [10, 1])
scale = tf.Variable(2.0)
with tf.GradientTape() as tape:
    tape.watch(grid)
    pts = tf.gather(grid, [0, 3, 7])
    feats = tf.stack([pts[:, 0], pts[:, 0] ** 2], axis=1)
    out = tf.tanh(scale * feats)
j_grid, j_scale = tape.jacobian(out, [grid, scale])
print(j_grid.shape, j_scale.shape)
