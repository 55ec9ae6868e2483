# A hyper-parameter container whose __setattr__ turns every float into a tf.Variable, so the
# `self.lr_scale = 1.0` of __init__ stores a trainable variable (meta-learning a step size).
# Attacks: class fields — a custom __setattr__ changes what the __init__ assignment stores.
import tensorflow as tf


class MetaParams:
    def __setattr__(self, name, value):
        if isinstance(value, float):
            value = tf.Variable(value, name=name)
        object.__setattr__(self, name, value)

    def __init__(self):
        self.lr_scale = 1.0
        self.decay = 0.9

    def meta_grad(self, w, g):
        with tf.GradientTape() as tape:
            w_next = w - self.lr_scale * self.decay * g
            loss = tf.reduce_sum(tf.square(w_next))
        return tape.gradient(loss, [self.lr_scale, self.decay])


m = MetaParams()
print([float(v) for v in m.meta_grad(tf.constant([1.0, 2.0]), tf.constant([0.5, 0.5]))])
