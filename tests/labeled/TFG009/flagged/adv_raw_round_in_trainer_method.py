# A quantization-aware trainer rounds the scaled weights with tf.raw_ops.Round inside its
# step; Round has no gradient, so the weights get None.
import tensorflow as tf


class QATrainer(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable([0.3, -1.2, 0.8])
        self.levels = 4.0

    def step(self, x):
        with tf.GradientTape() as tape:
            q = tf.raw_ops.Round(x=self.w * self.levels) / self.levels
            loss = tf.reduce_sum(tf.square(q * x))
        return tape.gradient(loss, self.w)  # expect: TFG009


trainer = QATrainer()
print(trainer.step(tf.constant([1.0, 2.0, 3.0])))
