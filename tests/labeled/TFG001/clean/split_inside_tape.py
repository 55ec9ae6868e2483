# The pair is watched whole and split inside the tape; d/d(xy) is then sliced.
import tensorflow as tf


class Surface(tf.Module):
    def __init__(self):
        super().__init__()
        self.a = tf.Variable(1.5)

    def __call__(self, x, y):
        return self.a * x * x + y


surface = Surface()
xy = tf.random.uniform([4, 2])
with tf.GradientTape() as tape:
    tape.watch(xy)
    x, y = tf.split(xy, 2, axis=1)
    z = tf.reduce_sum(surface(x, y))
g = tape.gradient(z, xy)
dz_dx = g[:, 0:1]
print(dz_dx)
