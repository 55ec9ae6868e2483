# A calibration model keeps its scale on self and applies it inside the input pipeline; the
# loss is summed over the mapped dataset, so the scale never reaches the tape.
import tensorflow as tf


class Calibrator:
    def __init__(self):
        self.scale = tf.Variable(1.5)
        self.readings = tf.data.Dataset.from_tensor_slices([0.5, 1.0, 2.0])

    def loss(self):
        scaled = self.readings.map(lambda r: r * self.scale)
        total = 0.0
        for s in scaled:
            total += (s - 1.0) ** 2
        return total

    def step(self):
        with tf.GradientTape() as tape:
            value = self.loss()
        return tape.gradient(value, self.scale)  # expect: TFG019


print(Calibrator().step())
