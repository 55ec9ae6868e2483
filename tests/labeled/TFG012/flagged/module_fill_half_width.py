# A tf.Module builds its buffer with tf.fill; the width is halved with a float factor.
import tensorflow as tf


class Buffer(tf.Module):
    def __init__(self, width):
        super().__init__()
        self.width = width
        self.buf = tf.fill([self.width * 0.5, 1], 1.0)  # expect: TFG012


print(Buffer(8).buf)
