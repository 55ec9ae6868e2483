# The base class keeps its scale frozen (trainable=False); the fine-tuning subclass that is
# actually used re-creates it trainable after super().__init__(), so the base method's gradient is real.
# Attacks: class fields — the base's single __init__ assignment is taken as the kind, though a subclass rebinds it.
import tensorflow as tf


class Calibrator(tf.Module):
    def __init__(self):
        super().__init__()
        self.scale = tf.Variable(1.0, trainable=False)

    def scale_grad(self, logits, labels):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits / self.scale))
        return tape.gradient(loss, self.scale)


class TunedCalibrator(Calibrator):
    def __init__(self):
        super().__init__()
        self.scale = tf.Variable(self.scale.numpy(), trainable=True)


cal = TunedCalibrator()
logits = tf.random.normal((16, 3))
labels = tf.random.uniform((16,), 0, 3, dtype=tf.int32)
print(float(cal.scale_grad(logits, labels)))
