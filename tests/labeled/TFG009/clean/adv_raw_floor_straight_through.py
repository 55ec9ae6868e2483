# Straight-through estimator spelled with raw ops: x + stop_gradient(Floor(x) - x) has the
# value Floor(x) and the gradient of x, so the gradient w.r.t. the weights is real.
# Attacks: tf.raw_ops.Floor / StopGradient are ops without gradient (TFG009), on a side path here.
import tensorflow as tf


class BinnedEncoder(tf.Module):
    def __init__(self):
        super().__init__()
        self.scale = tf.Variable(4.0)

    def encode(self, x):
        z = x * self.scale
        return z + tf.raw_ops.StopGradient(input=tf.raw_ops.Floor(x=z) - z)

    def grad(self, x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(self.encode(x)))
        return tape.gradient(loss, self.scale)


enc = BinnedEncoder()
print(float(enc.grad(tf.constant([0.1, 0.35, 0.8]))))
