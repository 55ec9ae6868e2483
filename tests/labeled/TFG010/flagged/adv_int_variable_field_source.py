# A curriculum scheduler keeps its "difficulty" as an integer tf.Variable field and asks the
# tape for the loss gradient w.r.t. it: integer sources get None.
import tensorflow as tf


class Curriculum(tf.Module):
    def __init__(self):
        super().__init__()
        self.level = tf.Variable(3)

    def level_grad(self, x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(x * tf.cast(self.level, tf.float32))
        return tape.gradient(loss, self.level)  # expect: TFG010


c = Curriculum()
print(c.level_grad(tf.constant([1.0, 2.0])))
