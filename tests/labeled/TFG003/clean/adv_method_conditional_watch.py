# The method watches its input only when asked, and the one call in the file asks; the
# constant it is handed is therefore watched and the input gradient is real.
# Attacks: method parameters take the kinds of the calls (a constant), watched in a branch.
import tensorflow as tf


class Explainer(tf.Module):
    def __init__(self):
        super().__init__()
        self.net = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])

    def saliency(self, x, watch_input=False):
        with tf.GradientTape() as tape:
            if watch_input:
                tape.watch(x)
            y = tf.reduce_sum(self.net(x))
        return tape.gradient(y, x)


e = Explainer()
print(e.saliency(tf.constant([[1.0, 2.0, 3.0]]), watch_input=True).numpy())
