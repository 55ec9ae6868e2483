# Collocation points are gathered from the grid before the tape; the jacobian is asked
# for a list [grid, scale] and the grid entry comes back None.
import tensorflow as tf

grid = tf.reshape(tf.linspace(-1.0, 1.0, 10), [10, 1])
scale = tf.Variable(2.0)
idx = tf.constant([0, 3, 7])
pts = tf.gather(grid, idx)
step = 0
while step < 2:
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(grid)
        out = tf.tanh(scale * pts)
    jac_grid, jac_scale = tape.jacobian(out, [grid, scale])  # expect: TFG001
    scale.assign_sub(0.1 * tf.reduce_sum(jac_scale))
    step += 1
print(scale.numpy())
