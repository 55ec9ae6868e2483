# tf.Module computing a second derivative with the inner gradient taken inside the
# outer block; the column slice is also taken there.
import tensorflow as tf


class Field(tf.Module):
    def __init__(self):
        super().__init__()
        self.k = tf.Variable(2.0)

    def laplacian_x(self, xt):
        with tf.GradientTape() as outer:
            outer.watch(xt)
            with tf.GradientTape() as inner:
                inner.watch(xt)
                u = tf.sin(self.k * xt[:, 0:1]) * xt[:, 1:2]
            u_x = inner.gradient(u, xt)[:, 0:1]
        return outer.gradient(u_x, xt)[:, 0:1]


print(Field().laplacian_x(tf.random.uniform([4, 2])))
