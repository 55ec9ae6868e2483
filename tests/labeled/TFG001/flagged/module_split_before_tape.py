# tf.Module holding the weights; the input pair is split before the tape and the
# derivative is asked with respect to the unsplit tensor.
import tensorflow as tf


class Surface(tf.Module):
    def __init__(self):
        super().__init__()
        self.a = tf.Variable(1.5)
        self.b = tf.Variable(-0.5)

    def __call__(self, x, y):
        return self.a * x * x + self.b * y


surface = Surface()
xy = tf.random.uniform([4, 2])
x, y = tf.split(xy, 2, axis=1)
with tf.GradientTape() as tape:
    tape.watch(xy)
    z = tf.reduce_sum(surface(x, y))
dz_dxy = tape.gradient(z, xy)  # expect: TFG001
print(dz_dxy)
