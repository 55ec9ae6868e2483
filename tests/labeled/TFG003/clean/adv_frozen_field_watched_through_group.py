# The frozen batch-norm-like statistics are also grouped in a tuple field, and the probe
# watches that tuple: the frozen variable in it is watched, so its gradient is real.
# Attacks: frozen-variable fields — watching a container field that holds the field.
import tensorflow as tf


class FrozenNorm(tf.Module):
    def __init__(self):
        super().__init__()
        self.mean = tf.Variable([0.1, -0.2, 0.3], trainable=False)
        self.var = tf.Variable([1.0, 2.0, 0.5], trainable=False)
        self.stats = (self.mean, self.var)

    def __call__(self, x):
        return (x - self.mean) / tf.sqrt(self.var + 1e-3)

    def stats_sensitivity(self, x):
        with tf.GradientTape() as tape:
            tape.watch(self.stats)
            y = tf.reduce_sum(tf.square(self(x)))
        return tape.gradient(y, self.mean)


norm = FrozenNorm()
print(norm.stats_sensitivity(tf.random.normal((4, 3))).numpy())
