# Collocation points from np.arange (int64) converted and watched; jacobian w.r.t. them.
import numpy as np
import tensorflow as tf

pts = tf.convert_to_tensor(np.arange(4))
with tf.GradientTape() as tape:
    tape.watch(pts)
    u = tf.sin(tf.cast(pts, tf.float32) * 0.5)
J = tape.jacobian(u, pts)  # expect: TFG010
print(J)
